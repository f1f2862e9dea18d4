package dev.fieldguide.lab;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much demo data to have ({@code fieldguide.seed.*}); the seeder tops the database up to
 * these sizes. For the benchmark set start with {@code --fieldguide.seed.orders=1000000}.
 */
@Validated
@ConfigurationProperties("fieldguide.seed")
public record DemoSeedProperties(boolean enabled, @Min(1) int customers, @Min(5) int products,
    @Min(0) long orders) {}
