package dev.fieldguide.core.values;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Pydantic model: the fields are nullable because JSON may omit them, and the constraints say
 * what a valid request is; {@link ValidatedJson} only ever hands out an instance that passed them.
 */
public record SignupRequest(
    @NotBlank @Email @Nullable String email,
    @NotNull @Min(13) @Max(130) @Nullable Integer age,
    @NotNull @Size(max = 5) @Nullable List<@NotBlank String> interests) {}
