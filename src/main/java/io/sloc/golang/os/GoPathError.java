package io.sloc.golang.os;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Go's {@code *os.PathError} text, {@code open f.yml: permission denied}: the operation, the path, the errno text. */
public final class GoPathError {
    private GoPathError() {
    }

    /** What {@code os.ReadFile(path)} returns when Java failed to read it with {@code e}. */
    public static String open(String path, IOException e) {
        return "open " + path + ": " + errno(e);
    }

    /** strerror's text, lower-cased as Go's syscall package prints it. */
    static String errno(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage().toLowerCase(Locale.ROOT);
    }
}
