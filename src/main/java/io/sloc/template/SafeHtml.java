package io.sloc.template;

import io.sloc.golang.fmt.GoValue;

/** html/template's {@code HTML} string type, returned by {@code safeHtml}. */
record SafeHtml(String html) implements GoValue {
    @Override
    public String goTypeName() {
        return "template.HTML";
    }

    @Override
    public String goString() {
        return html;
    }
}
