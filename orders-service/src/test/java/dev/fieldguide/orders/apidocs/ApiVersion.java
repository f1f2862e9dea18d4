package dev.fieldguide.orders.apidocs;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An API version, {@code major.minor.patch}; a breaking change needs a greater major. */
record ApiVersion(int major, int minor, int patch) implements Comparable<ApiVersion> {

  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final Comparator<ApiVersion> ORDER = Comparator.comparingInt(ApiVersion::major)
      .thenComparingInt(ApiVersion::minor).thenComparingInt(ApiVersion::patch);

  static ApiVersion parse(String version) {
    Matcher parts = FORMAT.matcher(version);
    if (!parts.matches()) {
      throw new IllegalArgumentException("not major.minor.patch: " + version);
    }
    return new ApiVersion(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
        Integer.parseInt(parts.group(3)));
  }

  @Override
  public int compareTo(ApiVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
