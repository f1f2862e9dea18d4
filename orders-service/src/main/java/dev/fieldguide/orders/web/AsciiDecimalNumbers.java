package dev.fieldguide.orders.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.util.NumberUtils;

/**
 * Issue 18: a number in a URL (a path variable, a query parameter) is ASCII decimal digits with an
 * optional minus, and a fraction only where the type has one. Spring's own parsing reads
 * {@code 0x10} and {@code #10} as hexadecimal, trims spaces, and, through {@code Long.parseLong},
 * takes any Unicode digit: {@code /api/v1/orders/١٦} (Arabic-Indic) was order 16. Registered once
 * for every controller and every number type, on the binder initializer every data binder starts
 * from ({@link MvcRegistrations}); GraphQL ids and cursor keys use {@link #parseLong}.
 *
 * <p>A property editor, not a {@code Converter}: when a converter refuses a value, Spring's
 * data binder falls back to its default editors, which parse it leniently after all. A custom
 * editor is asked first and alone. Not an {@code @InitBinder} method of a
 * {@code @ControllerAdvice}: Spring MVC wraps such a method in a new handler-method object on every
 * request, whether or not the handler binds anything (4% of a trivial request in the profile).
 */
public final class AsciiDecimalNumbers implements PropertyEditorRegistrar {

  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /**
   * {@code text} as a long, if it is ASCII decimal digits with an optional minus.
   *
   * @throws NumberFormatException otherwise, or when it does not fit in a long
   */
  public static long parseLong(String text) {
    return Long.parseLong(checked(text, WHOLE));
  }

  @Override
  public void registerCustomEditors(PropertyEditorRegistry binder) {
    register(binder, WHOLE, Long.class, long.class);
    register(binder, WHOLE, Integer.class, int.class);
    register(binder, WHOLE, Short.class, short.class);
    register(binder, WHOLE, Byte.class, byte.class);
    register(binder, WHOLE, BigInteger.class);
    register(binder, DECIMAL, Double.class, double.class);
    register(binder, DECIMAL, Float.class, float.class);
    register(binder, DECIMAL, BigDecimal.class);
  }

  /** One editor for {@code type} and its primitive, parsing as {@code type}. */
  private static void register(PropertyEditorRegistry binder, Pattern grammar,
      Class<? extends Number> type, Class<?>... primitive) {
    var editor = new Digits(type, grammar);
    binder.registerCustomEditor(type, editor);
    for (Class<?> unboxed : primitive) {
      binder.registerCustomEditor(unboxed, editor);
    }
  }

  private static String checked(String text, Pattern grammar) {
    if (!grammar.matcher(text).matches()) {
      throw new NumberFormatException("not ASCII decimal digits");
    }
    return text;
  }

  /** Text to a number of {@code type}, once it matches {@code grammar}; empty text is absent. */
  private static final class Digits extends PropertyEditorSupport {

    private final Class<? extends Number> type;
    private final Pattern grammar;

    Digits(Class<? extends Number> type, Pattern grammar) {
      this.type = type;
      this.grammar = grammar;
    }

    @Override
    public void setAsText(String text) {
      // Once the text is plain digits, Spring's parser reads it as Long.parseLong would, and
      // refuses what does not fit the type. Empty is absent, as with Spring's own editors.
      setValue(text.isEmpty() ? null : NumberUtils.parseNumber(checked(text, grammar), type));
    }
  }
}
