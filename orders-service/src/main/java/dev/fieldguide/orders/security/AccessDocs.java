package dev.fieldguide.orders.security;

import dev.fieldguide.orders.web.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * A4 in the OpenAPI document: the security schemes (a bearer JWT, the shortlist's session cookie,
 * a registered API key) and who may call each operation. The answer is asked of the filter chain
 * itself (Spring Security's {@link WebInvocationPrivilegeEvaluator}, as an anonymous caller and as
 * each role), so the document cannot disagree with {@link AccessRules}.
 */
@Component
class AccessDocs implements OpenApiCustomizer {

  static final String BEARER = "bearerAuth";
  static final String SESSION = "sessionCookie";
  static final String API_KEY = "apiKey";
  /** The header CookieCsrfTokenRepository reads the token from (its default). */
  private static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("docs",
      "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

  private final ObjectProvider<WebInvocationPrivilegeEvaluator> chain;
  private final ApiSecurityProperties properties;
  private final String sessionCookie;
  private final @Nullable String apiKeyHeader;

  AccessDocs(ObjectProvider<WebInvocationPrivilegeEvaluator> chain,
      ApiSecurityProperties properties,
      @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
      @Value("${fieldguide.rate-limit.enabled:true}") boolean rateLimited,
      @Value("${fieldguide.rate-limit.client-header:}") String apiKeyHeader) {
    this.chain = chain;
    this.properties = properties;
    this.sessionCookie = sessionCookie;
    this.apiKeyHeader = rateLimited && !apiKeyHeader.isBlank() ? apiKeyHeader : null;
  }

  @Override
  public void customise(OpenAPI api) {
    api.getComponents()
        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
            .scheme("bearer").bearerFormat("JWT").description("""
                An RS256 JWT for audience `%s`, from the identity provider (locally: `./token`). \
                Its `roles` claim (customer, admin) decides what it may call."""
                .formatted(properties.audience())))
        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE).name(sessionCookie).description("""
                The anonymous visitor's shortlist session, created by its first POST; writes \
                also need the XSRF-TOKEN cookie's value in %s.""".formatted(CSRF_HEADER)));
    if (apiKeyHeader != null) {
      api.getComponents().addSecuritySchemes(API_KEY, new SecurityScheme()
          .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(apiKeyHeader)
          .description("""
              A registered API key (issued at POST /admin/api-keys): without a token, the \
              caller is rate-limited as the key's owner instead of by its address."""));
    }
    ApiDocs.operations(api).forEach(this::describe);
  }

  private void describe(ApiDocs.ApiOperation operation) {
    String method = operation.method().name();
    List<SecurityRequirement> callers = new ArrayList<>();
    if (allowed(operation, ANONYMOUS)) {
      callers.add(new SecurityRequirement());
      if (apiKeyHeader != null) {
        callers.add(new SecurityRequirement().addList(API_KEY));
        operation.problem(401, "The %s header holds no registered, unrevoked key."
            .formatted(apiKeyHeader));
      }
    } else if (allowed(operation, withRoles())) {
      callers.add(new SecurityRequirement().addList(BEARER));
      operation.problem(401, "No valid bearer token.");
    } else {
      Roles.ALL.stream().sorted().filter(role -> allowed(operation, withRoles(role)))
          .forEach(role -> callers.add(new SecurityRequirement().addList(BEARER, role)));
      operation.problem(401, "No valid bearer token.");
      operation.problem(403, "The token's roles allow it no call of this operation.");
    }
    if (AccessRules.COOKIE_SESSION.matches(probe(operation.path(), method))) {
      callers.add(new SecurityRequirement().addList(SESSION));
      if (!method.equals("GET") && !method.equals("HEAD")) {
        operation.operation().addParametersItem(new HeaderParameter().name(CSRF_HEADER)
            .required(true).schema(ApiDocs.schema("string"))
            .description("The value of the XSRF-TOKEN cookie (CSRF protection of the session)."));
        operation.problem(403, "The CSRF token is missing or does not match the cookie.");
      }
    }
    operation.operation().setSecurity(callers);
  }

  private boolean allowed(ApiDocs.ApiOperation operation, Authentication caller) {
    return chain.getObject().isAllowed("", operation.path(), operation.method().name(), caller);
  }

  private static Authentication withRoles(String... roles) {
    return UsernamePasswordAuthenticationToken.authenticated("docs", null, AuthorityUtils
        .createAuthorityList(Arrays.stream(roles).map(TokenClaims::authority)
            .toList()));
  }

  /** A request for {@code path} made up for matching, as the privilege evaluator makes one. */
  private static HttpServletRequest probe(String path, String method) {
    return new PathPatternRequestTransformer()
        .transform(new FilterInvocation("", path, method).getRequest());
  }
}
