package dev.fieldguide.orders.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

/** Products by id; query methods arrive with the list and search topics. */
public interface ProductRepository extends JpaRepository<Product, Long> {}
