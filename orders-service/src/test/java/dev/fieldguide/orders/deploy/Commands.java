package dev.fieldguide.orders.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real tool (kubectl, docker compose, bash) with a bound, output and errors together. */
final class Commands {

  private Commands() {}

  record Result(int exitCode, String output) {}

  static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(RepositoryFiles.ROOT.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      // Output is small (a rendered overlay is tens of kB), so reading it before waiting is safe.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + timeout);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("could not run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static Result run(List<String> command) {
    return run(command, Map.of(), Duration.ofSeconds(60));
  }

  /** Whether the program runs at all (found on the PATH and answers its version flag). */
  static boolean available(List<String> versionCommand) {
    try {
      Process process = new ProcessBuilder(versionCommand).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

}
