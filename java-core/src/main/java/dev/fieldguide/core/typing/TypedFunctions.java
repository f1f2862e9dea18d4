package dev.fieldguide.core.typing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/** The seed's {@code map_ints} and its generic big brother, with the null contract spelled out. */
public final class TypedFunctions {

  private TypedFunctions() {}

  /** {@code def map_ints(xs: Iterable[int], fn: Callable[[int], int]) -> list[int]}. */
  public static List<Integer> mapInts(Iterable<Integer> xs, IntUnaryOperator fn) {
    List<Integer> result = new ArrayList<>();
    xs.forEach(x -> result.add(fn.applyAsInt(x)));
    return result;
  }

  /**
   * Any element type to any result type. The wildcards let a {@code Function<Object, Integer>} map
   * a {@code List<String>} into a {@code List<Number>} — what Python spells with variance on
   * {@code TypeVar}s.
   */
  public static <T, R> List<R> mapAll(Iterable<? extends T> xs,
      Function<? super T, ? extends R> fn) {
    List<R> result = new ArrayList<>();
    xs.forEach(x -> result.add(fn.apply(x)));
    return result;
  }

  /**
   * {@code Optional[str]} in the signature: the caller must handle the missing case before it can
   * call a method on the result, or the build fails (see {@code CompileTimeContractsTests}).
   */
  public static @Nullable String nickname(Map<String, String> nicknames, String customer) {
    return nicknames.get(customer);
  }
}
