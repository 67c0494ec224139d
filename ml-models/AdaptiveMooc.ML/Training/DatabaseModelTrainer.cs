using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// Retrains the models the platform's own statements can label: dropout, at-risk, pacing and knowledge
/// tracing (graded item answers, with the skills the grader named). The
/// statement log holds no final results and no course definitions, so (documented in docs/ML.md):
/// <list type="bullet">
/// <item>each course's day 0 is its first statement;</item>
/// <item>dropped out = no statement in the last <see cref="InactiveDays"/> days of the log;</item>
/// <item>at risk = dropped out, or more <c>failed</c> than <c>passed</c> graded statements over the whole log;</item>
/// <item>graded lessons = lessons with a <c>passed</c>/<c>failed</c> statement or a scored one; each one's
///   reference day ("deadline") is the median day of the learners' first submission, so pacing
///   learns "later than the cohort's typical day, or never" where the real due days are unknown.</item>
/// </list>
/// Snapshots are taken every two weeks while at least <see cref="InactiveDays"/> days of log remain
/// after them. A model is written only with at least <see cref="MinimumPerClass"/> examples of each
/// class; the others are left as they are. Ranking needs the course's lesson list and stays as shipped.
/// </summary>
public static class DatabaseModelTrainer
{
    public const int InactiveDays = 28;

    /// <summary>Below this many snapshots of each class the model is not written (it would not be learned, only memorised).</summary>
    public const int MinimumPerClass = 50;

    /// <summary>Kind given to graded lessons found in the log (their real kind is in the course definition).</summary>
    public const string GradedKind = "graded";

    public static async Task<DatabaseTrainingResult> TrainAsync(IStatementSource source, string output, int seed, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(log);
        var (courses, statements, end) = await ReadAsync(source, cancellationToken);
        var hours = await source.DeclaredStudyHoursAsync(cancellationToken);
        log($"read {statements} statements of {courses.Count} courses, {hours.Count} declared study loads");

        var examples = Examples(courses, end, hours);
        var (riskFeatures, dropped, atRisk, pacing) = (examples.RiskFeatures, examples.Dropped, examples.AtRisk, examples.Pacing);
        var enrolments = courses.Values.Sum(l => l.Count);
        var declared = courses.Sum(c => c.Value.Keys.Count(l => hours.ContainsKey((c.Key, l))));

        var notes = new List<string>();
        var dropoutWritten = TrainRisk(riskFeatures, dropped, "inactive-28d", "dropout", output, seed, notes);
        var riskWritten = TrainRisk(riskFeatures, atRisk, "inactive-28d-or-failing", "risk", output, seed, notes);
        var late = pacing.Count(p => p.LateOrMissing);
        var pacingWritten = false;
        if (late >= MinimumPerClass && pacing.Count - late >= MinimumPerClass)
        {
            PacingModel.Train(pacing, "platform statements", seed).Save(output);
            pacingWritten = true;
            notes.Add($"pacing retrained on {pacing.Count} pairs ({late} late or missing)");
        }
        else
        {
            notes.Add($"pacing unchanged: {late} late-or-missing and {pacing.Count - late} on-time pairs (need {MinimumPerClass} of each)");
        }

        var kt = TrainKnowledgeTracing(courses, output, seed, notes);
        notes.Add("ranking unchanged (needs the course's lesson list)");
        var note = string.Join("; ", notes);
        log(note);
        return new DatabaseTrainingResult(
            statements, courses.Count, enrolments, riskFeatures.Count, dropped.Count(d => d), dropoutWritten, note,
            atRisk.Count(a => a), riskWritten, pacing.Count, pacingWritten, declared, kt.Answers, kt.Written, kt.HoldoutAuc);
    }

    /// <summary>Below this many graded item answers knowledge tracing is left as shipped.</summary>
    public const int MinimumKtAnswers = 200;

    /// <summary>Below this many learners with graded item answers knowledge tracing is left as shipped.</summary>
    public const int MinimumKtLearners = 20;

    /// <summary>With this many learners a fifth is held out to measure the retrained model first.</summary>
    public const int KtHoldoutLearners = 50;

    /// <summary>Heading of the model card's section about the retrained knowledge-tracing model.</summary>
    public const string KtCardHeading = "## Knowledge tracing retrained from the platform's item answers";

    /// <summary>
    /// Retrains knowledge tracing on the platform's own graded item answers (<c>answered</c> statements with
    /// a success and an item, skills from the grader's skills extension), exactly as it trains on
    /// ASSISTments answers; writes kt-model.zip and kt-priors.json and says in MODEL_CARD.md how many answers
    /// it learnt from.
    /// </summary>
    private static (int Answers, bool Written, double? HoldoutAuc) TrainKnowledgeTracing(
        Dictionary<string, Dictionary<string, List<LearningEvent>>> courses, string output, int seed, List<string> notes)
    {
        var answers = courses.Values
            .SelectMany(learners => learners.Values)
            .SelectMany(events => events.Where(e => e.Verb == LearningVerb.Answered && e.Success is not null && e.ItemId is not null))
            .ToList();
        var learners = answers.Select(e => (e.CourseId, e.LearnerId)).Distinct().Count();
        if (answers.Count < MinimumKtAnswers || learners < MinimumKtLearners)
        {
            notes.Add($"knowledge tracing unchanged: {answers.Count} graded item answers of {learners} learners (need {MinimumKtAnswers} answers of {MinimumKtLearners} learners)");
            return (answers.Count, false, null);
        }

        var result = KnowledgeTracing.KnowledgeTracingTrainer.Train(answers, new KnowledgeTracing.KtTrainerOptions
        {
            Seed = seed,
            HoldoutFraction = learners >= KtHoldoutLearners ? 0.2 : 0,
        });
        result.Model.Save(output);
        var items = answers.Select(e => e.ItemId).Distinct(StringComparer.Ordinal).Count();
        var skills = answers.SelectMany(e => e.Skills).Distinct(StringComparer.Ordinal).Count();
        var auc = result.Holdout?.Auc;
        var measured = result.Holdout is { } h
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"held-out learners: AUC {h.Auc:F4}, RMSE {h.Rmse:F4} on {h.N} answers (BKT AUC {h.BktAuc:F4})")
            : $"not measured (fewer than {KtHoldoutLearners} learners to hold out)";
        var section = string.Join('\n',
            KtCardHeading,
            string.Empty,
            $"Written by `./mooc ml train --from-db` at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC: kt-model.zip and kt-priors.json learnt from **{answers.Count} graded item answers** of {learners} learners ({items} items, {skills} skills) stored by the platform (its own quiz and practice grading), {measured}.",
            string.Empty);
        WriteCardSection(Path.Combine(output, "MODEL_CARD.md"), section);
        notes.Add($"knowledge tracing retrained on {answers.Count} graded item answers of {learners} learners ({items} items, {skills} skills)");
        return (answers.Count, true, auc);
    }

    /// <summary>Replaces the retrained-KT section of the model card (or appends it), leaving the rest as written.</summary>
    private static void WriteCardSection(string path, string section)
    {
        var card = File.Exists(path) ? File.ReadAllText(path) : "# Model card\n";
        var start = card.IndexOf(KtCardHeading, StringComparison.Ordinal);
        if (start >= 0)
        {
            var end = card.IndexOf("\n## ", start + KtCardHeading.Length, StringComparison.Ordinal);
            card = card[..start] + (end >= 0 ? card[(end + 1)..] : string.Empty);
        }

        File.WriteAllText(path, card.TrimEnd('\n') + "\n\n" + section);
    }

    private static bool TrainRisk(List<float[]> features, List<bool> labels, string target, string name, string output, int seed, List<string> notes)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives < MinimumPerClass || negatives < MinimumPerClass)
        {
            notes.Add($"{name} unchanged: {positives} positive and {negatives} negative snapshots (need {MinimumPerClass} of each)");
            return false;
        }

        RiskModel.Train(features, labels, new RiskModelInfo(target, [14], "platform statements"), seed).Save(output, name);
        notes.Add($"{name}.zip ({target}) retrained on {labels.Count} snapshots ({positives} positive)");
        return true;
    }

    /// <summary>
    /// The risk snapshots and pacing pairs the statements of <paramref name="courses"/> label, as of
    /// <paramref name="end"/> (the last instant of the log they are read from), each with its prediction instant.
    /// </summary>
    internal static PlatformExamples Examples(
        Dictionary<string, Dictionary<string, List<LearningEvent>>> courses,
        DateTimeOffset end,
        IReadOnlyDictionary<(string CourseId, string LearnerId), double> hours)
    {
        var examples = new PlatformExamples();
        foreach (var (courseId, learners) in courses)
        {
            if (learners.Count > 0)
            {
                Course(courseId, learners, end, hours, examples);
            }
        }

        return examples;
    }

    internal static async Task<(Dictionary<string, Dictionary<string, List<LearningEvent>>> Courses, int Statements, DateTimeOffset End)> ReadAsync(
        IStatementSource source, CancellationToken cancellationToken)
    {
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

        foreach (var list in courses.Values.SelectMany(l => l.Values))
        {
            list.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        }

        return (courses, statements, end);
    }

    private static bool IsGraded(LearningEvent e) =>
        e.LessonId is not null && (e.Verb is LearningVerb.Passed or LearningVerb.Failed
            || (e.Verb == LearningVerb.Completed && e.ScoreScaled is not null));

    private static void Course(
        string courseId,
        Dictionary<string, List<LearningEvent>> learners,
        DateTimeOffset end,
        IReadOnlyDictionary<(string CourseId, string LearnerId), double> hours,
        PlatformExamples examples)
    {
        var start = learners.Values.Min(l => l[0].Timestamp);
        var plain = new CourseSchedule(courseId, start, []);

        // Reference day of each graded lesson: the median first-submission day over its learners.
        var firstSubmission = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var events in learners.Values)
        {
            foreach (var group in events.Where(IsGraded).GroupBy(e => e.LessonId!, StringComparer.Ordinal))
            {
                if (!firstSubmission.TryGetValue(group.Key, out var submissionDays))
                {
                    submissionDays = [];
                    firstSubmission[group.Key] = submissionDays;
                }

                submissionDays.Add(plain.DayOf(group.First().Timestamp));
            }
        }

        var graded = firstSubmission
            .Select(p => new ScheduledAssessment(p.Key, GradedKind, Median(p.Value), 0))
            .ToList();
        var schedule = new CourseSchedule(courseId, start, graded);
        var lastDay = schedule.DayOf(end) - InactiveDays;
        var riskDays = Enumerable.Range(1, Math.Max(0, lastDay / 14)).Select(k => k * 14).ToList();
        var paced = schedule.Assessments
            .Select((a, position) => (Assessment: a, Position: position, Day: a.DueDay!.Value - 7))
            .Where(p => p.Day > 0 && p.Assessment.DueDay <= lastDay)
            .ToList();
        var days = riskDays.Concat(paced.Select(p => p.Day)).Distinct().Order().ToArray();
        if (days.Length == 0)
        {
            return;
        }

        // One replay per learner; raw vectors of the learners present at each day.
        var snapshots = days.ToDictionary(d => d, _ => new List<(List<LearningEvent> Events, float[] Raw)>());
        var outcome = new Dictionary<List<LearningEvent>, (bool Dropped, bool AtRisk)>(ReferenceEqualityComparer.Instance);
        foreach (var events in learners.Values)
        {
            var enrolled = schedule.DayOf(events[0].Timestamp);
            var lastSeen = events[^1].Timestamp;
            var gone = (end - lastSeen).TotalDays >= InactiveDays;
            var passed = events.Count(e => e.Verb == LearningVerb.Passed);
            var failed = events.Count(e => e.Verb == LearningVerb.Failed);
            outcome[events] = (gone, gone || failed > passed);
            LearnerReplay.Run(events, schedule, enrolled, days, (k, engagement, pacingState) =>
            {
                // Not yet enrolled, or already gone long before this day (the "unregistered" of OULAD).
                if (enrolled < days[k] && !(gone && schedule.DayOf(lastSeen) < days[k] - InactiveDays))
                {
                    snapshots[days[k]].Add((events, RiskFeatures.Raw(engagement, pacingState, schedule, days[k])));
                }
            }, hours.TryGetValue((courseId, events[0].LearnerId), out var declared) ? declared : null);
        }

        var complete = days.ToDictionary(d => d, d =>
        {
            var cohort = CohortStats.From(snapshots[d].Select(s => s.Raw));
            return snapshots[d].Select(s => (s.Events, Features: RiskFeatures.Complete(s.Raw, cohort))).ToList();
        });
        foreach (var day in riskDays)
        {
            foreach (var (events, features) in complete[day])
            {
                examples.RiskFeatures.Add(features);
                examples.Dropped.Add(outcome[events].Dropped);
                examples.AtRisk.Add(outcome[events].AtRisk);
                examples.RiskAt.Add(start.AddDays(day));
            }
        }

        foreach (var (assessment, position, day) in paced)
        {
            var context = new PacingContext(courseId, GradedKind, position, assessment.DueDay!.Value, assessment.Weight);
            foreach (var (events, features) in complete[day])
            {
                var submission = events.FirstOrDefault(e => IsGraded(e) && e.LessonId == assessment.LessonId);
                int? submitted = submission is null ? null : schedule.DayOf(submission.Timestamp);
                if (submitted < day)
                {
                    continue; // already submitted before the prediction day
                }

                examples.Pacing.Add(new PacingExample(features, context, submitted - assessment.DueDay));
                examples.PacingAt.Add(start.AddDays(day));
            }
        }
    }

    private static int Median(List<int> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
