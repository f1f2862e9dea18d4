package dev.fieldguide.orders.catalog;

import dev.fieldguide.orders.productviews.ProductViews;
import dev.fieldguide.orders.support.WebSlice;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The catalogue's web slice: the product controller on the web edge, its services mocked. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebSlice(ProductController.class)
@MockitoBean(types = {ProductCache.class, ProductListing.class, ProductEditing.class,
    ProductViews.class})
@interface CatalogWebSlice {}
