package dev.fieldguide.orders.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys tokens are verified with, looked up by the token's {@code kid}.
 *
 * <p>Rotation without a restart: the key-set file is read again whenever its modification time or
 * size changes (one {@code stat} per verification). To rotate, publish the new key next to the old
 * one, start signing with the new one, wait out the longest token lifetime, then remove the old
 * key: from that moment its tokens are refused. A file that cannot be parsed (a half-written
 * copy) keeps the previous keys instead of locking everyone out; write it by atomic rename.
 */
final class TrustedKeys implements JWKSource<SecurityContext> {

  private static final Logger log = LoggerFactory.getLogger(TrustedKeys.class);

  private final @Nullable Path file;
  private final List<JWK> builtIn;
  private static final Snapshot NO_FILE = new Snapshot(null, -1, List.of());

  private volatile Snapshot snapshot = NO_FILE;

  /**
   * @param file the JWK set file (public keys; private parts are ignored), or null for none
   * @param builtIn keys trusted besides the file's: the dev issuer's, when it is on
   */
  TrustedKeys(@Nullable Path file, List<JWK> builtIn) {
    this.file = file;
    this.builtIn = List.copyOf(builtIn);
  }

  @Override
  public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) {
    return selector.select(new JWKSet(keys()));
  }

  /**
   * Which key set is trusted right now: the same object until the file changes (one {@code stat},
   * as for a verification), so whatever was verified under it can tell when it no longer holds.
   */
  Object version() {
    fromFile();
    return snapshot;
  }

  /** Every key trusted right now. */
  List<JWK> keys() {
    List<JWK> keys = new ArrayList<>(builtIn);
    keys.addAll(fromFile());
    return keys;
  }

  private List<JWK> fromFile() {
    if (file == null) {
      return List.of();
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      snapshot = NO_FILE; // a deleted key set trusts nothing, also what was verified under it
      return List.of();
    } catch (IOException e) {
      log.error("Cannot read the key set {}; keeping the keys read before", file, e);
      return snapshot.keys();
    }
    Snapshot seen = snapshot;
    if (attributes.lastModifiedTime().equals(seen.modified()) && attributes.size() == seen.size()) {
      return seen.keys();
    }
    try {
      List<JWK> keys = JWKSet.load(file.toFile()).toPublicJWKSet().getKeys();
      snapshot = new Snapshot(attributes.lastModifiedTime(), attributes.size(), keys);
      log.info("Trusting {} key(s) from {}: {}", keys.size(), file,
          keys.stream().map(JWK::getKeyID).toList());
      return keys;
    } catch (IOException | ParseException e) {
      log.error("Cannot parse the key set {}; keeping the keys read before", file, e);
      return seen.keys();
    }
  }

  private record Snapshot(@Nullable FileTime modified, long size, List<JWK> keys) {}
}
