/**
 * T4 and the deployment files (Dockerfile, docker-compose.yml, k8s/, the CI workflow): no Docker
 * engine or cluster runs where the tests run, so these tests parse the files, render the
 * Kubernetes overlay with {@code kubectl kustomize}, validate compose with its own CLI, and check
 * every name, port and path the files share with the application against the application itself.
 *
 * @see dev.fieldguide.orders.deploy.ComposeFileTests
 * @see dev.fieldguide.orders.deploy.KubernetesManifestsTests
 * @see dev.fieldguide.orders.deploy.HealthProbesIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.deploy;

import org.jspecify.annotations.NullMarked;
