package dev.fieldguide.orders.deploy;

import java.util.regex.Pattern;

/**
 * What "pinned" means for an image reference here: a digest, or a tag that names a version. No
 * tag (which means latest), {@code latest} itself, or a tag without a digit would let the same
 * file start different software next week.
 */
final class ImageTags {

  private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
  private static final Pattern VERSION_TAG = Pattern.compile("[A-Za-z0-9_.-]*\\d[A-Za-z0-9_.-]*");

  private ImageTags() {}

  static boolean isPinned(String image) {
    if (DIGEST.matcher(image).matches()) {
      return true;
    }
    // The tag follows the last ':' after the last '/', so a registry port is not a tag.
    String lastPart = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastPart.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    String tag = lastPart.substring(colon + 1);
    return !tag.equals("latest") && VERSION_TAG.matcher(tag).matches();
  }
}
