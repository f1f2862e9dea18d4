package dev.fieldguide.orders.orders;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Orders with explicit fetch plans: nothing is loaded lazily behind the caller's back. */
interface OrderRepository extends JpaRepository<Order, Long> {

  /**
   * One order with customer, lines and their products in a single statement. Joining a
   * collection is safe here because there is exactly one parent row: no pagination, no
   * cartesian blow-up across orders.
   */
  @Query("""
      select o from Order o
        join fetch o.customer
        left join fetch o.lines l
        left join fetch l.product
      where o.id = :id
      """)
  Optional<Order> findWithDetailsById(long id);
}
