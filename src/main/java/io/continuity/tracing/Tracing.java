package io.continuity.tracing;

import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import io.continuity.config.ContinuityConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Trace context across the asynchronous hops of the service: a consumed record's W3C {@code traceparent} becomes the
 * parent of the span that applies it; the resolution request that change writes keeps the context, the resolution
 * continues it, and the outbox rows it writes carry it to the published records. Context propagation always works;
 * spans are recorded and exported over OTLP only with {@code continuity.tracing.enabled=true} (otherwise the no-op
 * tracer passes the incoming context through unchanged).
 */
@ApplicationScoped
public class Tracing {

    public static final String TRACEPARENT = "traceparent";
    private static final Logger LOG = Logger.getLogger(Tracing.class);
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public Tracing(ContinuityConfig config) {
        ContinuityConfig.Tracing tracing = config.tracing();
        if (tracing.enabled()) {
            SdkTracerProvider provider = SdkTracerProvider.builder()
                    .setResource(Resource.getDefault().merge(Resource.create(io.opentelemetry.api.common.Attributes.of(
                            AttributeKey.stringKey("service.name"), "continuity"))))
                    .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(tracing.sampleRatio())))
                    .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(tracing.otlpEndpoint()).build()).build())
                    .build();
            openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
            LOG.infof("Tracing on: spans exported to %s (sample ratio %.2f)", tracing.otlpEndpoint(), tracing.sampleRatio());
        } else {
            openTelemetry = OpenTelemetry.noop();
        }
        tracer = openTelemetry.getTracer("io.continuity");
    }

    /** The context carried by record headers ({@code traceparent}, {@code tracestate}); the root context when none. */
    public Context extract(Map<String, String> headers) {
        return W3C.extract(Context.root(), headers, MAP_GETTER);
    }

    /** The context a stored {@code traceparent} names; the root context when {@code null}. */
    public Context extract(String traceparent) {
        return traceparent == null ? Context.root() : extract(Map.of(TRACEPARENT, traceparent));
    }

    /** Starts a span under {@code parent}; with tracing off it stands for the parent itself. */
    public Span start(String name, SpanKind kind, Context parent) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** The current context as a W3C {@code traceparent} value, or {@code null} when there is no valid context. */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (openTelemetry instanceof OpenTelemetrySdk sdk) {
            sdk.close();
        }
    }
}
