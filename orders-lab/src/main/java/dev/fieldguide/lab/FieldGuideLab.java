package dev.fieldguide.lab;

import dev.fieldguide.orders.FieldGuideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Starts the lab-enabled application: the whole service plus its labs, the fixtures they drive
 * and the demo data. For local runs and live demos; the service alone is what ships.
 */
@SpringBootConfiguration
@Import({FieldGuideApplication.class, LabConfiguration.class})
public class FieldGuideLab {

  public static void main(String[] args) {
    SpringApplication.run(FieldGuideLab.class, args);
  }
}
