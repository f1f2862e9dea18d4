package dev.fieldguide.orders.ratelimit;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import dev.fieldguide.orders.errors.NotFoundException;
import dev.fieldguide.orders.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator actions: {@code POST /admin/api-keys} issues a key (returned this once, never
 * cached), {@code DELETE /admin/api-keys/{id}} revokes one. Admin role only and audited, like
 * every {@code /admin/**} call; {@code fieldguide.admin.enabled} switches them off.
 */
@RestController
@RequestMapping(ApiKeyController.PATH)
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
@ConditionalOnBooleanProperty(name = "fieldguide.rate-limit.enabled", matchIfMissing = true)
class ApiKeyController {

  static final String PATH = "/admin/api-keys";

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // what the document says; the ResponseEntity sets it
  @Operation(summary = "Issue an API key (shown this once)")
  ResponseEntity<ApiKeys.IssuedApiKey> issue(@Valid @RequestBody NewApiKey request) {
    var issued = keys.issue(Objects.requireNonNull(request.owner()), request.policy(),
        Objects.requireNonNull(Caller.current().subject()));
    return ResponseEntity.created(URI.create(PATH + "/" + issued.id()))
        .cacheControl(CacheControl.noStore()).body(issued);
  }

  /** 204 once revoked (again: still 204), 404 for a key that was never issued. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT) // likewise
  @Operation(summary = "Revoke an API key")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    if (!keys.revoke(id)) {
      throw new NotFoundException("api key", id);
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * The body of {@code POST /admin/api-keys}.
   *
   * @param policy a rate-limit policy by name, or null for the policy of each request's path
   */
  record NewApiKey(@NotBlank @Size(max = 200) @Nullable String owner,
      @Nullable String policy) {}
}
