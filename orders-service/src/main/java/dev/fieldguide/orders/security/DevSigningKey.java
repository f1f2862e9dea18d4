package dev.fieldguide.orders.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dev issuer's RSA key, kept in a file outside the repository so every instance on one machine
 * (api, worker, the drills' second instance) signs and trusts the same key. Created on first use,
 * readable by its owner only. Never used in the prod profile, where the issuer is off.
 */
final class DevSigningKey {

  private DevSigningKey() {}

  static RSAKey loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return RSAKey.parse(Files.readString(file));
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
          .keyID("dev-" + LocalDate.now(ZoneOffset.UTC) + "-" + Long.toHexString(System.nanoTime()))
          .generate();
      Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), "dev-key", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(draft, key.toJSONString(), StandardCharsets.UTF_8);
      try {
        // No REPLACE_EXISTING: if another instance got there first, its key wins and we read it.
        Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
        return key;
      } catch (FileAlreadyExistsException e) {
        Files.delete(draft);
        return RSAKey.parse(Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the dev signing key " + file, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("The dev signing key " + file + " is not a usable RSA JWK",
          e);
    }
  }
}
