package io.dynabox.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Why a file named on the command line could not be read, in words (the JDK's message is often just the path). */
final class FileProblems {
    private FileProblems() {}

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "not readable (permission denied)";
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
