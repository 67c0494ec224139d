using System.Globalization;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Pacing;

namespace AdaptiveMooc.ML.Oulad;

/// <summary>
/// An OULAD folder (courses, assessments, vle, studentInfo, studentRegistration, studentAssessment
/// tables and the studentVle parquet partitions) restricted to some presentations, converted into
/// the platform's <see cref="LearningEvent"/>s. This adapter only translates records: every feature
/// is computed by the shared code from the events it yields.
/// </summary>
public sealed class OuladDataset
{
    /// <summary>OU pass mark for coursework: a submission scoring at least this is <c>passed</c>.</summary>
    public const double PassScore = 40;

    private static readonly IReadOnlyList<string> NoSkills = [];

    private readonly Dictionary<string, List<OuladRegistration>> _registrations;
    private readonly Dictionary<string, List<OuladAssessment>> _assessments;
    private readonly Dictionary<string, List<OuladSubmission>> _submissions;
    private readonly Dictionary<int, string> _activityTypes;

    private OuladDataset(
        string directory,
        IReadOnlyList<OuladPresentation> presentations,
        Dictionary<string, List<OuladRegistration>> registrations,
        Dictionary<string, List<OuladAssessment>> assessments,
        Dictionary<string, List<OuladSubmission>> submissions,
        Dictionary<int, string> activityTypes)
    {
        Directory = directory;
        Presentations = presentations;
        _registrations = registrations;
        _assessments = assessments;
        _submissions = submissions;
        _activityTypes = activityTypes;
    }

    public string Directory { get; }

    /// <summary>Selected presentations, ordered by module then presentation.</summary>
    public IReadOnlyList<OuladPresentation> Presentations { get; }

    /// <summary>Reads the tables of <paramref name="directory"/>, keeping the presentations <paramref name="filter"/> selects (all when null).</summary>
    public static OuladDataset Load(string directory, OuladPresentationFilter? filter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        bool Keep(string module, string presentation) => filter?.Matches(module, presentation) ?? true;

        var presentations = new List<OuladPresentation>();
        foreach (var row in OuladCsv.Rows(directory, "courses"))
        {
            var module = row.Text("code_module");
            var presentation = row.Text("code_presentation");
            if (Keep(module, presentation))
            {
                presentations.Add(new OuladPresentation(module, presentation, row.RequiredInt("module_presentation_length")));
            }
        }

        presentations.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        if (presentations.Count == 0)
        {
            throw new InvalidDataException($"no presentation of {directory} matches '{filter}'");
        }

        var assessments = new Dictionary<string, List<OuladAssessment>>(StringComparer.Ordinal);
        var assessmentKey = new Dictionary<int, string>();
        foreach (var row in OuladCsv.Rows(directory, "assessments"))
        {
            var module = row.Text("code_module");
            var presentation = row.Text("code_presentation");
            if (!Keep(module, presentation))
            {
                continue;
            }

            var a = new OuladAssessment(
                row.RequiredInt("id_assessment"), module, presentation, row.Text("assessment_type").Trim(),
                row.Int("date"), row.Double("weight") ?? 0);
            Add(assessments, Key(module, presentation), a);
            assessmentKey[a.Id] = Key(module, presentation);
        }

        var info = new Dictionary<(string, int), (string Result, int Attempts, int Credits)>();
        foreach (var row in OuladCsv.Rows(directory, "studentInfo"))
        {
            var module = row.Text("code_module");
            var presentation = row.Text("code_presentation");
            if (Keep(module, presentation))
            {
                info[(Key(module, presentation), row.RequiredInt("id_student"))] =
                    (row.Text("final_result").Trim(), row.Int("num_of_prev_attempts") ?? 0, row.Int("studied_credits") ?? 0);
            }
        }

        var registrations = new Dictionary<string, List<OuladRegistration>>(StringComparer.Ordinal);
        foreach (var row in OuladCsv.Rows(directory, "studentRegistration"))
        {
            var module = row.Text("code_module");
            var presentation = row.Text("code_presentation");
            if (!Keep(module, presentation))
            {
                continue;
            }

            var student = row.RequiredInt("id_student");
            var key = Key(module, presentation);
            info.TryGetValue((key, student), out var i);
            Add(registrations, key, new OuladRegistration(
                student, module, presentation, row.Int("date_registration"), row.Int("date_unregistration"),
                i.Result ?? string.Empty, i.Attempts, i.Credits));
        }

        foreach (var list in registrations.Values)
        {
            list.Sort((a, b) => a.StudentId.CompareTo(b.StudentId));
        }

        var submissions = new Dictionary<string, List<OuladSubmission>>(StringComparer.Ordinal);
        foreach (var row in OuladCsv.Rows(directory, "studentAssessment"))
        {
            var assessment = row.RequiredInt("id_assessment");
            if (assessmentKey.TryGetValue(assessment, out var key) && row.Int("date_submitted") is { } day)
            {
                Add(submissions, key, new OuladSubmission(
                    assessment, row.RequiredInt("id_student"), day, row.Int("is_banked") == 1, row.Double("score")));
            }
        }

        var activityTypes = new Dictionary<int, string>();
        foreach (var row in OuladCsv.Rows(directory, "vle"))
        {
            if (Keep(row.Text("code_module"), row.Text("code_presentation")))
            {
                activityTypes[row.RequiredInt("id_site")] = string.Intern(row.Text("activity_type").Trim());
            }
        }

        return new OuladDataset(directory, presentations, registrations, assessments, submissions, activityTypes);
    }

    public IReadOnlyList<OuladRegistration> RegistrationsOf(OuladPresentation presentation) =>
        Get(_registrations, presentation);

    /// <summary>Assessments of a presentation ordered by deadline (undated exams last).</summary>
    public IReadOnlyList<OuladAssessment> AssessmentsOf(OuladPresentation presentation) =>
        [.. Get(_assessments, presentation).OrderBy(a => a.Deadline ?? int.MaxValue).ThenBy(a => a.Id)];

    /// <summary>All studentAssessment rows of a presentation's assessments, banked ones included.</summary>
    public IReadOnlyList<OuladSubmission> SubmissionsOf(OuladPresentation presentation) =>
        Get(_submissions, presentation);

    /// <summary>vle.csv activity_type of a resource, when listed.</summary>
    public string? ActivityTypeOf(int siteId) => _activityTypes.GetValueOrDefault(siteId);

    public CourseSchedule ScheduleOf(OuladPresentation presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        return new CourseSchedule(
            presentation.CourseId,
            presentation.StartDate,
            AssessmentsOf(presentation).Select(a => new ScheduledAssessment(a.LessonId, a.Type, a.Deadline, a.Weight)));
    }

    /// <summary>Decodes the presentation's studentVle partition (empty when the partition is absent).</summary>
    public async Task<OuladClick[]> ReadClicksAsync(OuladPresentation presentation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        var path = OuladClickReader.PartitionPath(Directory, presentation.Module, presentation.Presentation);
        return File.Exists(path) ? await OuladClickReader.ReadAsync(path, cancellationToken) : [];
    }

    /// <summary>
    /// Every registration of the presentation with its events in time order: one
    /// <see cref="LearningVerb.Experienced"/> per (day, resource) with Count = clicks and LessonId =
    /// id_site, and one graded statement per own submission (Passed when score ≥ 40, Failed below,
    /// Completed when unscored; ScoreScaled = score / 100; LessonId = <c>assessment-{id}</c>). Banked
    /// results are not events of this presentation and are left out.
    /// </summary>
    public async Task<IReadOnlyList<OuladLearnerHistory>> HistoriesAsync(OuladPresentation presentation, CancellationToken cancellationToken = default) =>
        Histories(presentation, await ReadClicksAsync(presentation, cancellationToken));

    /// <summary>As <see cref="HistoriesAsync"/>, from clicks already read (sorted in place).</summary>
    public IReadOnlyList<OuladLearnerHistory> Histories(OuladPresentation presentation, OuladClick[] clicks)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        ArgumentNullException.ThrowIfNull(clicks);
        Array.Sort(clicks, static (a, b) =>
            a.StudentId != b.StudentId ? a.StudentId.CompareTo(b.StudentId)
            : a.Day != b.Day ? a.Day.CompareTo(b.Day)
            : a.SiteId.CompareTo(b.SiteId));

        var submissionsByStudent = SubmissionsOf(presentation)
            .Where(s => !s.IsBanked)
            .GroupBy(s => s.StudentId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.DaySubmitted).ThenBy(s => s.AssessmentId).ToList());

        var courseId = presentation.CourseId;
        var start = presentation.StartDate;
        var siteIds = new Dictionary<int, string>();
        string SiteId(int id)
        {
            if (!siteIds.TryGetValue(id, out var s))
            {
                s = id.ToString(CultureInfo.InvariantCulture);
                siteIds[id] = s;
            }

            return s;
        }

        var result = new List<OuladLearnerHistory>();
        var cursor = 0;
        foreach (var registration in RegistrationsOf(presentation))
        {
            while (cursor < clicks.Length && clicks[cursor].StudentId < registration.StudentId)
            {
                cursor++;
            }

            var learnerId = registration.LearnerId;
            var events = new List<LearningEvent>();
            submissionsByStudent.TryGetValue(registration.StudentId, out var submissions);
            var next = 0;
            while (cursor < clicks.Length && clicks[cursor].StudentId == registration.StudentId)
            {
                var click = clicks[cursor++];

                // Same-day submissions come after the day's clicks: within a day OULAD has no order.
                while (submissions is not null && next < submissions.Count && submissions[next].DaySubmitted < click.Day)
                {
                    events.Add(ToEvent(submissions[next++], learnerId, courseId, start));
                }

                events.Add(new LearningEvent(
                    learnerId, courseId, SiteId(click.SiteId), null, LearningVerb.Experienced,
                    start.AddDays(click.Day), null, null, null, NoSkills, click.Clicks));
            }

            while (submissions is not null && next < submissions.Count)
            {
                events.Add(ToEvent(submissions[next++], learnerId, courseId, start));
            }

            result.Add(new OuladLearnerHistory(registration, events));
        }

        return result;
    }

    private static LearningEvent ToEvent(OuladSubmission submission, string learnerId, string courseId, DateTimeOffset start)
    {
        var verb = submission.Score switch
        {
            null => LearningVerb.Completed,
            >= PassScore => LearningVerb.Passed,
            _ => LearningVerb.Failed,
        };
        return new LearningEvent(
            learnerId, courseId, OuladCalendar.AssessmentLessonId(submission.AssessmentId), null, verb,
            start.AddDays(submission.DaySubmitted),
            submission.Score is { } s ? s >= PassScore : null,
            submission.Score / 100.0, null, NoSkills);
    }

    private static string Key(string module, string presentation) => module + "-" + presentation;

    private static IReadOnlyList<T> Get<T>(Dictionary<string, List<T>> map, OuladPresentation presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        return map.TryGetValue(presentation.Key, out var list) ? list : [];
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }
}
