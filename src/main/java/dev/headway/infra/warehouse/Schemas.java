package dev.headway.infra.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

import static dev.headway.infra.warehouse.Field.nullable;
import static dev.headway.infra.warehouse.Field.repeated;
import static dev.headway.infra.warehouse.Field.required;

/** The warehouse's tables and their schemas, as data; {@link #json} renders a schema for BigQuery. */
public final class Schemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The table Vertex AI request-response logging writes to; the serving endpoints point at it. */
    public static final String PREDICTION_LOG_TABLE = "request_response_logging";

    /**
     * The feed landing table: one row per stop time update of a GTFS-realtime TripUpdate, as the
     * streaming job writes it; partitioned by ingestion day, clustered by route and stop.
     */
    public static final TableSpec TRIP_UPDATES = new TableSpec(Layer.RAW, "trip_updates",
            "GTFS-realtime TripUpdate stop time updates as received from the MTA feed", List.of(
            required("feed_timestamp", "TIMESTAMP", "FeedHeader.timestamp of the message the row came from"),
            required("entity_id", "STRING", "FeedEntity.id"),
            required("trip_id", "STRING", "TripDescriptor.trip_id"),
            nullable("route_id", "STRING", "TripDescriptor.route_id"),
            nullable("direction_id", "INTEGER", "TripDescriptor.direction_id"),
            nullable("start_date", "STRING", "TripDescriptor.start_date (YYYYMMDD service day)"),
            nullable("start_time", "STRING", "TripDescriptor.start_time (HH:MM:SS)"),
            nullable("trip_schedule_relationship", "STRING", "TripDescriptor.schedule_relationship"),
            nullable("nyct_train_id", "STRING", "NYCT extension: NyctTripDescriptor.train_id"),
            nullable("nyct_is_assigned", "BOOLEAN", "NYCT extension: NyctTripDescriptor.is_assigned"),
            nullable("vehicle_id", "STRING", "VehicleDescriptor.id"),
            nullable("stop_sequence", "INTEGER", "StopTimeUpdate.stop_sequence"),
            nullable("stop_id", "STRING", "StopTimeUpdate.stop_id"),
            nullable("arrival_time", "TIMESTAMP", "StopTimeUpdate.arrival.time"),
            nullable("arrival_delay", "INTEGER", "StopTimeUpdate.arrival.delay, seconds"),
            nullable("departure_time", "TIMESTAMP", "StopTimeUpdate.departure.time"),
            nullable("departure_delay", "INTEGER", "StopTimeUpdate.departure.delay, seconds"),
            nullable("stop_schedule_relationship", "STRING", "StopTimeUpdate.schedule_relationship"),
            nullable("message_id", "STRING", "Pub/Sub message id, for deduplication"),
            nullable("publish_time", "TIMESTAMP", "Pub/Sub publish time"),
            required("ingest_time", "TIMESTAMP", "When the streaming job wrote the row")),
            Optional.of("DAY"), Optional.empty(), List.of("route_id", "stop_id"));

    /** Deduplicated stop events: the latest observation of each trip at each stop per service day. */
    public static final TableSpec STOP_EVENTS = new TableSpec(Layer.CLEAN, "stop_events",
            "One row per trip and stop per service day: the latest arrival the feed reported", List.of(
            required("service_date", "DATE", "Service day of the trip"),
            required("route_id", "STRING", "GTFS route"),
            nullable("direction_id", "INTEGER", "0 or 1"),
            required("trip_id", "STRING", "GTFS-realtime trip id"),
            required("stop_id", "STRING", "GTFS stop id (with N/S suffix)"),
            nullable("stop_sequence", "INTEGER", "Order of the stop in the trip"),
            required("arrival_time", "TIMESTAMP", "Arrival at the stop"),
            nullable("departure_time", "TIMESTAMP", "Departure from the stop"),
            nullable("delay_seconds", "INTEGER", "Reported delay"),
            required("is_observed", "BOOLEAN", "True once the arrival is in the past, false while predicted"),
            required("feed_timestamp", "TIMESTAMP", "Feed message the row was taken from"),
            required("processed_time", "TIMESTAMP", "When the cleaning job wrote the row")),
            Optional.of("DAY"), Optional.of("service_date"), List.of("route_id", "stop_id"));

    /** Model features: the observed headway at a stop and its context. */
    public static final TableSpec HEADWAY_FEATURES = new TableSpec(Layer.FEATURES, "headway_features",
            "Headway between consecutive trains of a route at a stop, with context features", List.of(
            required("event_time", "TIMESTAMP", "Arrival that closes the headway"),
            required("route_id", "STRING", "GTFS route"),
            required("stop_id", "STRING", "GTFS stop id"),
            nullable("direction_id", "INTEGER", "0 or 1"),
            nullable("headway_seconds", "FLOAT", "Seconds since the previous train of the route (the target)"),
            nullable("prev_headway_seconds", "FLOAT", "The headway before this one"),
            nullable("rolling_mean_headway_30m", "FLOAT", "Mean headway over the last 30 minutes"),
            nullable("rolling_std_headway_30m", "FLOAT", "Standard deviation of headways over the last 30 minutes"),
            nullable("trains_last_hour", "INTEGER", "Trains of the route at the stop in the last hour"),
            required("hour_of_day", "INTEGER", "0-23, America/New_York"),
            required("day_of_week", "INTEGER", "1 (Sunday) - 7 (Saturday)"),
            required("is_weekend", "BOOLEAN", "Saturday or Sunday"),
            nullable("is_holiday", "BOOLEAN", "A US federal or NY state holiday"),
            required("feature_version", "STRING", "Version of the feature code that wrote the row"),
            required("computed_time", "TIMESTAMP", "When the row was computed")),
            Optional.of("DAY"), Optional.of("event_time"), List.of("route_id", "stop_id"));

    /**
     * The schema Vertex AI request-response logging writes (online prediction logging to
     * BigQuery): endpoint, deployed_model_id, logging_time, request_id, request_payload,
     * response_payload. Logging fails if the table's schema differs, so it is exactly this.
     * Partitioned by logging_time (partitioning is not part of the schema Vertex checks).
     */
    public static final TableSpec REQUEST_RESPONSE_LOGGING = new TableSpec(Layer.MONITORING, PREDICTION_LOG_TABLE,
            "Vertex AI online prediction request-response logs (sampled)", List.of(
            nullable("endpoint", "STRING", "Endpoint resource name"),
            nullable("deployed_model_id", "STRING", "Deployed model that served the request"),
            nullable("logging_time", "TIMESTAMP", "When the request was logged"),
            nullable("request_id", "NUMERIC", "Request id assigned by Vertex AI"),
            repeated("request_payload", "STRING", "Request instances, JSON"),
            repeated("response_payload", "STRING", "Predictions, JSON")),
            Optional.of("DAY"), Optional.of("logging_time"), List.of());

    /** Every table the warehouse declares. */
    public static final List<TableSpec> ALL = List.of(TRIP_UPDATES, STOP_EVENTS, HEADWAY_FEATURES, REQUEST_RESPONSE_LOGGING);

    private Schemas() {
    }

    /** The BigQuery schema JSON of {@code fields}: {@code [{"name","type","mode","description"[,"fields"]}]}. */
    public static String json(List<Field> fields) {
        return array(fields).toString();
    }

    private static ArrayNode array(List<Field> fields) {
        ArrayNode out = JSON.createArrayNode();
        for (Field f : fields) {
            ObjectNode o = out.addObject();
            o.put("name", f.name());
            o.put("type", f.type());
            o.put("mode", f.mode());
            if (!f.description().isEmpty()) {
                o.put("description", f.description());
            }
            if (!f.fields().isEmpty()) {
                o.set("fields", array(f.fields()));
            }
        }
        return out;
    }
}
