package io.sloc.template;

/** A template parse or execution error whose message is the text Go's text/template reports. */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String goMessage) {
        super(goMessage);
    }
}
