package dev.fieldguide.core.typing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles small snippets with {@code javac} plus the build's own Error Prone and NullAway flags
 * (handed over by the POM) and asserts the diagnostics: the contracts are enforced at build time.
 */
class CompileTimeContractsTests {

  private static final String BUILD_CHECKS = Objects.requireNonNull(
      System.getProperty("fieldguide.error-prone.plugin-arg"),
      "run through Maven: the POM passes the Error Prone flags to this test");

  @TempDir
  Path classes;

  @Test
  void nullCheckedUseOfANullableResultCompiles() throws IOException {
    List<Diagnostic<? extends JavaFileObject>> errors = compile("CheckedNickname", """
        import dev.fieldguide.core.typing.TypedFunctions;
        import java.util.Map;

        @NullMarked
        class CheckedNickname {
          int length(Map<String, String> nicknames) {
            String nickname = TypedFunctions.nickname(nicknames, "ada");
            return nickname == null ? 0 : nickname.length();
          }
        }
        """);

    assertThat(errors).isEmpty();
  }

  @Test
  void dereferencingANullableResultFailsTheBuild() throws IOException {
    List<Diagnostic<? extends JavaFileObject>> errors = compile("UncheckedNickname", """
        import dev.fieldguide.core.typing.TypedFunctions;
        import java.util.Map;

        @NullMarked
        class UncheckedNickname {
          int length(Map<String, String> nicknames) {
            return TypedFunctions.nickname(nicknames, "ada").length();
          }
        }
        """);

    assertThat(messages(errors)).singleElement().asString()
        .startsWith("[NullAway] dereferenced expression").contains("is @Nullable");
  }

  @Test
  void passingNullWhereTheContractSaysNonNullFailsTheBuild() throws IOException {
    List<Diagnostic<? extends JavaFileObject>> errors = compile("NullArgument", """
        import dev.fieldguide.core.typing.TypedFunctions;
        import java.util.List;

        @NullMarked
        class NullArgument {
          List<Integer> doubled() {
            return TypedFunctions.mapInts(null, x -> x * 2);
          }
        }
        """);

    assertThat(messages(errors)).singleElement().asString()
        .startsWith("[NullAway] passing @Nullable parameter 'null' where @NonNull is required");
  }

  @Test
  void switchThatForgetsAnOutcomeFailsTheBuild() throws IOException {
    List<Diagnostic<? extends JavaFileObject>> errors = compile("ForgetfulSwitch", """
        import dev.fieldguide.core.typing.PaymentOutcome;

        @NullMarked
        class ForgetfulSwitch {
          String describe(PaymentOutcome outcome) {
            return switch (outcome) {
              case PaymentOutcome.Approved approved -> "approved";
              case PaymentOutcome.Declined declined -> "declined";
            };
          }
        }
        """);

    assertThat(errors).singleElement().extracting(Diagnostic::getCode)
        .isEqualTo("compiler.err.not.exhaustive");
  }

  /** Compiles {@code body} (imports and one class) in package {@code snippet}; returns errors. */
  private List<Diagnostic<? extends JavaFileObject>> compile(String className, String body)
      throws IOException {
    String source = "package snippet;\n\nimport org.jspecify.annotations.NullMarked;\n" + body;
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      String classpath = System.getProperty("java.class.path");
      List<String> options = List.of("-classpath", classpath, "-processorpath", classpath,
          "-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", BUILD_CHECKS);
      javac
          .getTask(null, files, diagnostics, options, null, List.of(new Snippet(className, source)))
          .call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR).toList();
  }

  private static List<String> messages(List<Diagnostic<? extends JavaFileObject>> errors) {
    return errors.stream().map(error -> error.getMessage(Locale.ROOT)).toList();
  }

  /** An in-memory source file, so the test needs no files on disk besides the class output. */
  private static final class Snippet extends SimpleJavaFileObject {
    private final String source;

    Snippet(String className, String source) {
      super(URI.create("string:///snippet/" + className + ".java"), Kind.SOURCE);
      this.source = source;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return source;
    }
  }
}
