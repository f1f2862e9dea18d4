package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.support.WebSlice;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The orders package's web slice: its controllers (v1, v2, the stale-pending admin list) on the
 * web edge, the real cursor codec, and mocks for everything that reads or writes orders. Every
 * class carrying it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebSlice({OrderController.class, OrderV2Controller.class, StalePendingOrdersController.class})
@Import(OrderCursors.class)
@MockitoBean(types = {OrderQueries.class, OrderListing.class, OrderListRollout.class,
    OrderPlacement.class, StalePendingOrders.class})
@interface OrderWebSlice {}
