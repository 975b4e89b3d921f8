package org.stancekit.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A classifier that writes its own files into a bundle's task folder (every file there is checksummed by the bundle)
 * and returns what {@code model.json} records about it: {@code backend}, {@code labels}, {@code temperature} and the
 * backend's settings.
 */
public interface BundleWritable {
    Map<String, Object> writeTo(Path taskDir) throws IOException;
}
