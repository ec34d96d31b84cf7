package io.sloc.diag;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place a failed file operation becomes a message: the path, what happened in plain words and what to do
 * about it, never the Java exception's name or text ({@code FileSystemException: x: Is a directory}).
 */
public final class FileFailure {
    private FileFailure() {
    }

    /** What happened and what to do, for one kind of failure. */
    private record Explanation(String happened, String advice) {
    }

    /**
     * {@code path: cannot <action>: <what happened>; <what to do>}, as bad input (exit code 2); {@code action} says
     * what was done to the path ({@code read it}, {@code write the JUnit report}).
     */
    public static BadInputException of(Path path, String action, IOException e) {
        return new BadInputException(new SourceLocation(path.toString(), 0, 0),
                "cannot " + action + ": " + describe(e));
    }

    /** {@code <what happened>; <what to do>}, for a message that names the file itself. */
    public static String describe(IOException e) {
        Explanation why = explain(e);
        return why.happened() + "; " + why.advice();
    }

    /** A failure nobody located: named by the file the operating system reported, if any. */
    public static BadInputException of(IOException e) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        return new BadInputException(file == null ? SourceLocation.UNKNOWN : new SourceLocation(file, 0, 0),
                "file operation failed: " + describe(e));
    }

    private static Explanation explain(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new Explanation("it does not exist", "check the path");
        }
        if (e instanceof AccessDeniedException) {
            return new Explanation("permission denied", "check the permissions of the file and its directory");
        }
        if (e instanceof FileAlreadyExistsException exists) {
            // Typically a file where a directory of the path should be created.
            return new Explanation(exists.getFile() == null ? "something else is already there"
                    : exists.getFile() + " is in the way", "move it away or choose another path");
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new Explanation("the directory is not empty", "empty it or choose another path");
        }
        if (e instanceof NotDirectoryException) {
            return new Explanation("a part of the path is a file, not a directory", "check the path");
        }
        if (e instanceof CharacterCodingException) {
            return new Explanation("it is not valid UTF-8", "save it as UTF-8");
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : null;
        return fromReason(reason == null ? "" : reason.toLowerCase(Locale.ROOT));
    }

    /** The operating system's own words (strerror), for the failures Java has no exception type for. */
    private static Explanation fromReason(String reason) {
        return switch (reason) {
            case "is a directory" -> new Explanation("it is a directory", "remove or rename that directory");
            case "not a directory" -> new Explanation("a part of the path is a file, not a directory",
                    "check the path");
            case "file name too long" -> new Explanation("the name is too long for the file system",
                    "use a shorter name");
            case "read-only file system" -> new Explanation("the file system is read-only",
                    "choose a writable location");
            case "no space left on device", "disk quota exceeded" -> new Explanation("the disk is full",
                    "free some space and try again");
            case "operation not permitted" -> new Explanation("the operating system does not permit it",
                    "check the file's permissions and attributes");
            case "too many levels of symbolic links" -> new Explanation("its symbolic links form a loop",
                    "fix the links");
            case "" -> new Explanation("an input/output error", "check the file system and try again");
            default -> new Explanation(reason, "check the path and try again");
        };
    }
}
