package dev.fieldguide.orders.db;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/**
 * Identity for every entity: a database-generated {@code bigint}, absent until the first flush.
 */
@MappedSuperclass
public abstract class BaseEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private @Nullable Long id;

  /** The database identity; asking before the entity is persisted is a programming error. */
  public long getId() {
    if (id == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is not persisted yet");
    }
    return id;
  }
}
