package dev.fieldguide.orders.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The {@link TestClock} as a function-scoped fixture: a test asks for it by declaring a {@code
 * TestClock} parameter, and after every test the clock follows the system clock again, whatever
 * the test did to it. It is the one bean of the shared Spring context, so freezing it freezes
 * "now" for the controllers and jobs that read the application's {@code Clock}.
 */
public final class TestClockExtension implements ParameterResolver, AfterEachCallback {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestClock.class;
  }

  @Override
  public TestClock resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return clock(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clock(context).reset();
  }

  private static TestClock clock(ExtensionContext context) {
    return SpringExtension.getApplicationContext(context).getBean(TestClock.class);
  }
}
