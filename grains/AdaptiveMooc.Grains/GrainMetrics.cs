using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AdaptiveMooc.Grains;

/// <summary>
/// The silo's instruments on the platform meter <c>AdaptiveMooc</c> (MoocTelemetry.Name; docs/OPERATIONS.md,
/// "Telemetry", lists the series). Recording costs an interlocked add or a histogram bucket when a listener
/// (the silo's exporters) is attached, and nothing otherwise.
/// </summary>
internal static class GrainMetrics
{
    public const string MeterName = "AdaptiveMooc";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>The platform's activity source (same name), for spans of work that runs outside a grain call.</summary>
    public static readonly ActivitySource Tracing = new(MeterName);

    /// <summary>Statements newly stored (a repeated id is not counted again).</summary>
    public static readonly Counter<long> StatementsIngested = Meter.CreateCounter<long>(
        "mooc.statements.ingested", "{statement}", "Statements newly stored in the statement log.");

    /// <summary>One ingest call: durable append plus applying to the learner grains.</summary>
    public static readonly Histogram<double> IngestDuration = Meter.CreateHistogram<double>(
        "mooc.statements.ingest.duration", "s", "Time of one ingest call: append to the log and apply to the learners.");

    /// <summary>How long after its own timestamp a statement reached the log (a client's offline backlog shows here).</summary>
    public static readonly Histogram<double> IngestLag = Meter.CreateHistogram<double>(
        "mooc.statements.ingest.lag", "s", "Stored time minus the statement's timestamp, per newly stored statement.");

    public static readonly Histogram<double> RecommendationDuration = Meter.CreateHistogram<double>(
        "mooc.recommendation.duration", "s", "Time to answer a learner's recommendations (tag cached: served from the learner's kept answer).");

    public static readonly Histogram<double> PlanDuration = Meter.CreateHistogram<double>(
        "mooc.plan.duration", "s", "Time to answer a plan (tag operation: plan, course-plan, what-if).");

    /// <summary>Predictions of a serving model (tag model: the names of <c>ModelSet</c>).</summary>
    public static readonly Counter<long> ModelPredictions = Meter.CreateCounter<long>(
        "mooc.model.predictions", "{prediction}", "Predictions made by a serving model.");

    private static readonly List<WeakReference<Models.IModelCatalog>> Catalogs = [];
    private static readonly List<CachedCount> Outboxes = [];

    static GrainMetrics()
    {
        Meter.CreateObservableGauge("mooc.model.version", ObserveModelVersions, "{set}",
            "1 for the model set each silo serves now (tags version, loaded: the trained models in it).");
        Meter.CreateObservableGauge("mooc.outbox.depth", ObserveOutboxes, "{message}",
            "Messages waiting in a durable outbox (tag outbox: webhooks, mail); counted at most every 15 s.");
    }

    public static double Seconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;

    /// <summary>Reports the version <paramref name="catalog"/> serves on <c>mooc.model.version</c> while it lives.</summary>
    public static void Track(Models.IModelCatalog catalog)
    {
        lock (Catalogs)
        {
            Catalogs.RemoveAll(c => !c.TryGetTarget(out _));
            Catalogs.Add(new WeakReference<Models.IModelCatalog>(catalog));
        }
    }

    /// <summary>Reports <paramref name="count"/> on <c>mooc.outbox.depth</c>, read at most every 15 s and only while something scrapes.</summary>
    public static void TrackOutbox(string outbox, Func<CancellationToken, Task<long>> count)
    {
        lock (Outboxes)
        {
            Outboxes.Add(new CachedCount(outbox, count));
        }
    }

    private static IEnumerable<Measurement<long>> ObserveModelVersions()
    {
        var sets = new List<Models.ModelSet>();
        lock (Catalogs)
        {
            foreach (var reference in Catalogs)
            {
                if (reference.TryGetTarget(out var catalog))
                {
                    sets.Add(catalog.Current);
                }
            }
        }

        return sets.DistinctBy(s => s.Version).Select(s => new Measurement<long>(1,
            new KeyValuePair<string, object?>("version", s.Version),
            new KeyValuePair<string, object?>("loaded", string.Join(',', s.Loaded))));
    }

    private static IEnumerable<Measurement<long>> ObserveOutboxes()
    {
        CachedCount[] outboxes;
        lock (Outboxes)
        {
            outboxes = [.. Outboxes];
        }

        return outboxes.GroupBy(o => o.Name).Select(g => new Measurement<long>(g.Max(o => o.Read()), new KeyValuePair<string, object?>("outbox", g.Key)));
    }

    /// <summary>
    /// A count read in the background: an observation returns the last value at once (observable callbacks are
    /// synchronous) and starts a refresh when it is older than <see cref="MaxAge"/>; one refresh at a time.
    /// </summary>
    private sealed class CachedCount(string name, Func<CancellationToken, Task<long>> count)
    {
        private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        private long value;
        private long readAt = long.MinValue;
        private int refreshing;

        public string Name { get; } = name;

        public long Read()
        {
            var stale = readAt == long.MinValue || Stopwatch.GetElapsedTime(Volatile.Read(ref readAt)) > MaxAge;
            if (stale && Interlocked.Exchange(ref refreshing, 1) == 0)
            {
                _ = RefreshAsync();
            }

            return Volatile.Read(ref value);
        }

        private async Task RefreshAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(Timeout);
                Volatile.Write(ref value, await count(timeout.Token).ConfigureAwait(false));
                Volatile.Write(ref readAt, Stopwatch.GetTimestamp());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The database is away: the last value stands until a later scrape reads again.
            }
            finally
            {
                Volatile.Write(ref refreshing, 0);
            }
        }
    }
}
