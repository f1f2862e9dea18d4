package dev.fieldguide.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the orders service; the default profile runs the api and worker roles in one process. */
@SpringBootApplication
public class FieldGuideApplication {

  public static void main(String[] args) {
    SpringApplication.run(FieldGuideApplication.class, args);
  }
}
