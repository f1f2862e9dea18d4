package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * D1 under load: admins walk the order list page by page (keyset: {@code nextCursor}) to a depth,
 * beside OFFSET pages at the same depth (the lab's {@code OffsetPageFixture}). Compare the p99 of
 * {@value #KEYSET_DEEP} with {@value #OFFSET_DEEP}. Invariant: a keyset walk never serves an
 * order twice, whatever is inserted meanwhile; checked on every page of every walk (a page that
 * repeats an order of an earlier page of its walk fails).
 */
public final class OrderPagesSimulation extends Simulation {

  private static final int PAGE = 20;
  /** Pages per walk: {@code FIELDGUIDE_PAGE_DEPTH}, default 50 (order 1,000 of the seed's 2,000). */
  private static final int DEPTH = Math.max(2,
      Integer.parseInt(Traffic.setting("FIELDGUIDE_PAGE_DEPTH", "50")));
  private static final String KEYSET = "keyset page";
  private static final String KEYSET_DEEP = "keyset page at depth";
  private static final String OFFSET_FIRST = "OFFSET page 1";
  private static final String OFFSET_DEEP = "OFFSET page at depth";
  /** The lab's {@code OffsetPageFixture}. */
  private static final String OFFSET_PAGES = "/lab/fixtures/orders/offset";
  private static final String SUMMARIES = "/api/v1/orders/summaries?limit=" + PAGE;

  {
    LoadProfile profile = LoadProfile.current();
    ChainBuilder walk = exec(session -> session.set("seen", List.of()))
        .exec(page(KEYSET, SUMMARIES))
        .exec(repeat(DEPTH - 2).on(exec(page(KEYSET, SUMMARIES + "&cursor=#{cursor}"))))
        .exec(page(KEYSET_DEEP, SUMMARIES + "&cursor=#{cursor}"));
    ScenarioBuilder keyset = scenario("keyset walk").feed(Callers.admins("load-pages", 20))
        .exec(walk);
    ScenarioBuilder offset = scenario("OFFSET pages").feed(Callers.admins("load-offset", 20))
        .exec(offsetPage(OFFSET_FIRST, 0), offsetPage(OFFSET_DEEP, (long) (DEPTH - 1) * PAGE));
    // A walk is DEPTH requests: a tenth of the profile's rate keeps its request rate near the
    // other simulations'.
    setUp(keyset.injectOpen(profile.arrivals(0.1)), offset.injectOpen(profile.arrivals(0.5)))
        .protocols(Traffic.protocol())
        .assertions(Slo.of(Map.of(KEYSET, 250, KEYSET_DEEP, 250, OFFSET_FIRST, 250, OFFSET_DEEP,
            500)));
  }

  /** One page of the walk; fails if it repeats an order an earlier page of the walk served. */
  private static ChainBuilder page(String name, String path) {
    return exec(http(name).get(path).header("Authorization", "Bearer #{token}").check(
        status().is(200),
        jsonPath("$.items[*].id").ofLong().findAll().validate("no order served twice",
            (ids, session) -> unseen(ids, session)).saveAs("ids"),
        jsonPath("$.nextCursor").saveAs("cursor")))
        .exec(session -> session.set("seen", seenWith(session)));
  }

  private static List<Long> unseen(List<Long> ids, Session session) {
    Set<Long> seen = new HashSet<>(session.<Long>getList("seen"));
    for (Long id : ids) {
      if (seen.contains(id)) {
        throw new IllegalStateException("order " + id + " was on an earlier page of this walk");
      }
    }
    return ids;
  }

  private static List<Long> seenWith(Session session) {
    List<Long> seen = new ArrayList<>(session.<Long>getList("seen"));
    seen.addAll(session.<Long>getList("ids"));
    return seen;
  }

  private static ChainBuilder offsetPage(String name, long offset) {
    return exec(http(name).get(OFFSET_PAGES + "?offset=" + offset + "&limit=" + PAGE)
        .header("Authorization", "Bearer #{token}")
        .check(status().is(200), jsonPath("$.ids[" + (PAGE - 1) + "]").exists()));
  }
}
