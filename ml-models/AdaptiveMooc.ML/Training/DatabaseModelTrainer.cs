using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// Retrains the dropout model from the platform's own statements. The statement log holds no final
/// results and no course definitions, so: the label is "dropped out" = no statement in the last
/// <see cref="InactiveDays"/> days of the log; each course's day 0 is its first statement; snapshots
/// are taken every two weeks while at least <see cref="InactiveDays"/> days of log remain after them;
/// deadlines are unknown (assessment-schedule features are absent, which the trees route as missing).
/// Pacing and ranking need course definitions and stay as trained on OULAD.
/// </summary>
public static class DatabaseModelTrainer
{
    public const int InactiveDays = 28;

    /// <summary>Below this many snapshots of each class the model is not written (it would not be learned, only memorised).</summary>
    public const int MinimumPerClass = 50;

    public static async Task<DatabaseTrainingResult> TrainAsync(IStatementSource source, string output, int seed, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(log);
        var courses = new Dictionary<string, Dictionary<string, List<LearningEvent>>>(StringComparer.Ordinal);
        var statements = 0;
        var end = DateTimeOffset.MinValue;
        await foreach (var e in source.ReadAsync(cancellationToken))
        {
            statements++;
            if (!courses.TryGetValue(e.CourseId, out var learners))
            {
                learners = new Dictionary<string, List<LearningEvent>>(StringComparer.Ordinal);
                courses[e.CourseId] = learners;
            }

            if (!learners.TryGetValue(e.LearnerId, out var events))
            {
                events = [];
                learners[e.LearnerId] = events;
            }

            events.Add(e);
            end = e.Timestamp > end ? e.Timestamp : end;
        }

        log($"read {statements} statements of {courses.Count} courses");
        var features = new List<float[]>();
        var labels = new List<bool>();
        var enrolments = 0;
        foreach (var (courseId, learners) in courses)
        {
            var start = learners.Values.Min(l => l.Min(e => e.Timestamp));
            var schedule = new CourseSchedule(courseId, start, []);
            var lastDay = schedule.DayOf(end) - InactiveDays;
            var days = Enumerable.Range(1, Math.Max(0, lastDay / 14)).Select(k => k * 14).ToArray();
            foreach (var list in learners.Values)
            {
                list.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
            }

            enrolments += learners.Count;
            for (var k = 0; k < days.Length; k++)
            {
                var raw = new List<(float[] Raw, bool Dropped)>();
                foreach (var events in learners.Values)
                {
                    var enrolled = schedule.DayOf(events[0].Timestamp);
                    var lastSeen = events[^1].Timestamp;
                    if (enrolled >= days[k] || (end - lastSeen).TotalDays >= InactiveDays && schedule.DayOf(lastSeen) < days[k] - InactiveDays)
                    {
                        continue; // not yet enrolled, or already gone long before this snapshot
                    }

                    LearnerReplay.Run(events, schedule, enrolled, [days[k]], (_, engagement, pacing) =>
                        raw.Add((RiskFeatures.Raw(engagement, pacing, schedule, days[k]), (end - lastSeen).TotalDays >= InactiveDays)));
                }

                var cohort = CohortStats.From(raw.Select(r => r.Raw));
                foreach (var (vector, dropped) in raw)
                {
                    features.Add(RiskFeatures.Complete(vector, cohort));
                    labels.Add(dropped);
                }
            }
        }

        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives < MinimumPerClass || negatives < MinimumPerClass)
        {
            var note = $"not enough history to retrain: {positives} dropped and {negatives} active snapshots (need {MinimumPerClass} of each); models left unchanged";
            log(note);
            return new DatabaseTrainingResult(statements, courses.Count, enrolments, labels.Count, positives, false, note);
        }

        var model = RiskModel.Train(features, labels, new RiskModelInfo("inactive-28d", [14], "platform statements"), seed);
        model.Save(output, "dropout");
        var done = $"dropout.zip retrained on {labels.Count} snapshots ({positives} dropped); risk (needs final results), pacing (needs deadlines) and ranking unchanged";
        log(done);
        return new DatabaseTrainingResult(statements, courses.Count, enrolments, labels.Count, positives, true, done);
    }
}
