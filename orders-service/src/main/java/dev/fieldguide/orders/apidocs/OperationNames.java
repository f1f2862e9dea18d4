package dev.fieldguide.orders.apidocs;

import io.swagger.v3.oas.models.Operation;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Operation ids and tags from the code, so they are stable and say where to look:
 * {@code OrderController.place} is {@code orderPlace}, tagged with its module, {@code orders}.
 * (springdoc's own ids number clashing method names in discovery order: {@code list_3}.)
 */
class OperationNames implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    Class<?> controller = handler.getBeanType();
    String resource = StringUtils.uncapitalize(controller.getSimpleName()
        .replaceFirst("Controller$", ""));
    String module = controller.getPackageName()
        .substring(controller.getPackageName().lastIndexOf('.') + 1);
    return operation.operationId(resource + StringUtils.capitalize(handler.getMethod().getName()))
        .tags(List.of(module));
  }
}
