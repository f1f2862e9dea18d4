package dev.fieldguide.lab;

import dev.fieldguide.fixtures.Fixtures;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * What the lab adds to the service: its labs and demo seed (this package), the shared fixtures,
 * and its own settings ({@code lab.properties}: they only add keys, such as the lab's rate-limit
 * policy, so the service's own settings stay as they ship).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(Fixtures.class)
@PropertySource("classpath:lab.properties")
public class LabConfiguration {}
