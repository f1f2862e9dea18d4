package dev.fieldguide.benchmarks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/** The SQL the app sends, in order, from any thread: the statements a request cost. */
@TestConfiguration(proxyBeanMethods = false)
class SqlLog implements BeanPostProcessor {

  private final List<String> statements = new CopyOnWriteArrayList<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
      return ProxyDataSourceBuilder.create(dataSource)
          .afterQuery((execution, queries) -> queries
              .forEach(query -> statements.add(query.getQuery())))
          .build();
    }
    return bean;
  }

  void clear() {
    statements.clear();
  }

  List<String> statements() {
    return List.copyOf(statements);
  }
}
