package dev.fieldguide.orders.promotions;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.errors.FieldProblem;
import dev.fieldguide.orders.errors.NotFoundException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates promotions (the database refuses overlaps) and finds the one in force. */
@Service
public class Promotions {

  /** The lookup the GiST index answers; the plan tests and {@code ./lab indexes} explain it. */
  public static final String IN_FORCE_SQL = """
      SELECT id, product_id, percent_off, lower(valid_during), upper(valid_during)
      FROM promotions WHERE product_id = ? AND valid_during @> ?::timestamptz
      """;
  static final String EXCLUSION_VIOLATION = "23P01";
  static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final RowMapper<Promotion> ROW = (rs, row) -> new Promotion(rs.getLong(1),
      rs.getLong(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class),
      rs.getObject(5, OffsetDateTime.class));

  private final JdbcClient jdbc;

  Promotions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the promotion; a period overlapping another of the product's is a 409. No read
   * before the insert: the constraint decides, so two concurrent requests cannot both pass.
   */
  @Transactional
  Promotion create(long productId, NewPromotion request) {
    OffsetDateTime from = Objects.requireNonNull(request.validFrom());
    OffsetDateTime until = Objects.requireNonNull(request.validUntil());
    try {
      return jdbc.sql("""
          INSERT INTO promotions (product_id, percent_off, valid_during)
          VALUES (?, ?, tstzrange(?, ?, '[)'))
          RETURNING id, product_id, percent_off, lower(valid_during), upper(valid_during)
          """).params(productId, Objects.requireNonNull(request.percentOff()), from, until)
          .query(ROW).single();
    } catch (DataIntegrityViolationException e) {
      String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : "";
      if (EXCLUSION_VIOLATION.equals(state)) {
        throw new DomainException(Kind.CONFLICT, "PROMOTION_OVERLAPS",
            "Product " + productId + " already has a promotion during part of that period.",
            List.of(new FieldProblem("validFrom", "overlaps another promotion of this product")));
      }
      if (FOREIGN_KEY_VIOLATION.equals(state)) {
        throw new NotFoundException("product", productId);
      }
      throw e;
    }
  }

  /**
   * The product's promotion in force at {@code at}; at most one exists, by construction. On the
   * primary: an operator reads it right after creating it.
   */
  @Transactional(readOnly = true)
  public Optional<Promotion> inForce(long productId, OffsetDateTime at) {
    return jdbc.sql(IN_FORCE_SQL).params(productId, at).query(ROW).optional();
  }
}
