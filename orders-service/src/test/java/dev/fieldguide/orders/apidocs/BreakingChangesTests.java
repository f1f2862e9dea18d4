package dev.fieldguide.orders.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each rule of {@link BreakingChanges} on tiny hand-written contracts: one change it must report
 * and one compatible change of the same kind it must let through.
 */
class BreakingChangesTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A widget API: a list with a required and an optional parameter, a create, a widget. */
  private static final String RELEASED = """
      {"openapi": "3.1.0", "info": {"title": "widgets", "version": "1.0.0"},
       "paths": {
         "/widgets": {
           "get": {
             "parameters": [
               {"in": "query", "name": "limit", "required": false, "schema": {"type": "integer"}},
               {"in": "query", "name": "color", "schema": {"$ref": "#/components/schemas/Color"}}],
             "responses": {"200": {"description": "ok", "content": {"application/json": {
               "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}}}}}}},
           "post": {
             "requestBody": {"content": {"application/json": {
               "schema": {"$ref": "#/components/schemas/NewWidget"}}}},
             "responses": {"201": {"description": "created"}}}},
         "/gadgets": {"get": {"responses": {"200": {"description": "ok"}}}}},
       "components": {"schemas": {
         "Widget": {"type": "object", "properties": {
           "id": {"type": "integer"}, "name": {"type": "string"},
           "color": {"$ref": "#/components/schemas/Color"},
           "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}}}},
         "NewWidget": {"type": "object", "required": ["name"], "properties": {
           "name": {"type": "string"}, "size": {"type": "integer"}}},
         "Color": {"type": "string", "enum": ["RED", "BLUE"]}}}}
      """;

  @Test
  void theSameContractHasNoBreakingChange() {
    assertThat(changes(RELEASED)).isEmpty();
  }

  @Test
  void aRemovedPathBreaksAnAddedOneDoesNot() {
    assertThat(changes(RELEASED.replace("\"/gadgets\"", "\"/gizmos\"")))
        .containsExactly("removed path /gadgets");
  }

  @Test
  void aRemovedOperationBreaksAnAddedOneDoesNot() {
    assertThat(changes(RELEASED.replace("\"/gadgets\": {\"get\"", "\"/gadgets\": {\"put\"")))
        .containsExactly("removed operation GET /gadgets");
    assertThat(changes(RELEASED.replace("\"/gadgets\": {\"get\": {",
        "\"/gadgets\": {\"delete\": {\"responses\": {}}, \"get\": {"))).isEmpty();
  }

  @Test
  void aRemovedResponseFieldBreaksAnAddedOneDoesNot() {
    assertThat(changes(RELEASED.replace("\"name\": {\"type\": \"string\"},\n", "")))
        .containsExactly("removed response field GET /widgets 200 response[].name");
    assertThat(changes(RELEASED.replace("\"id\": {\"type\": \"integer\"},",
        "\"id\": {\"type\": \"integer\"}, \"weight\": {\"type\": \"number\"},"))).isEmpty();
  }

  @Test
  void aRemovedEnumValueBreaksAnAddedOneDoesNot() {
    assertThat(changes(RELEASED.replace("[\"RED\", \"BLUE\"]", "[\"RED\"]")))
        .contains("removed enum value \"BLUE\" of GET /widgets parameter 'color'",
            "removed enum value \"BLUE\" of GET /widgets 200 response[].color");
    assertThat(changes(RELEASED.replace("[\"RED\", \"BLUE\"]", "[\"RED\", \"BLUE\", \"GREEN\"]")))
        .isEmpty();
  }

  @Test
  void aNewRequiredParameterBreaksANewOptionalOneDoesNot() {
    assertThat(changes(RELEASED.replace("\"required\": false", "\"required\": true")))
        .containsExactly("new required query parameter 'limit' on GET /widgets");
    assertThat(changes(RELEASED.replace("\"parameters\": [", """
        "parameters": [{"in": "query", "name": "q", "schema": {"type": "string"}},"""))).isEmpty();
  }

  @Test
  void aNewRequiredRequestFieldBreaksANewOptionalOneDoesNot() {
    assertThat(changes(RELEASED.replace("\"required\": [\"name\"]",
        "\"required\": [\"name\", \"size\"]")))
        .containsExactly("new required request field POST /widgets request body.size");
    assertThat(changes(RELEASED.replace("\"size\": {\"type\": \"integer\"}",
        "\"size\": {\"type\": \"integer\"}, \"note\": {\"type\": \"string\"}"))).isEmpty();
  }

  @Test
  void aChangedTypeBreaksTheSameTypeDoesNot() {
    assertThat(changes(RELEASED.replace("\"id\": {\"type\": \"integer\"}",
        "\"id\": {\"type\": \"string\"}")))
        .containsExactly("changed type of GET /widgets 200 response[].id: [integer] -> [string]");
    assertThat(changes(RELEASED.replace("\"id\": {\"type\": \"integer\"}",
        "\"id\": {\"type\": \"integer\", \"description\": \"its number\"}"))).isEmpty();
  }

  @Test
  void versionsCompareByNumberNotByText() {
    assertThat(ApiVersion.parse("12.3.4").major()).isEqualTo(12);
    assertThat(ApiVersion.parse("1.10.0")).isGreaterThan(ApiVersion.parse("1.9.3"));
  }

  private static List<String> changes(String current) {
    return BreakingChanges.between(read(RELEASED), read(current));
  }

  private static JsonNode read(String document) {
    return JSON.readTree(document);
  }
}
