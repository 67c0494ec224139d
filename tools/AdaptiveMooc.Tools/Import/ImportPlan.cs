using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// Everything one presentation turns into, read from the OULAD files with the ML project's readers:
/// resources, assessments, learners with enrolment and withdrawal days, and the statements in day order.
/// </summary>
internal sealed class ImportPlan
{
    private ImportPlan(
        OuladPresentation presentation,
        IReadOnlyList<OuladResource> resources,
        IReadOnlyList<OuladAssessment> assessments,
        IReadOnlySet<int> assessmentsWithSubmissions,
        IReadOnlyList<ImportLearner> learners,
        ImportStatement[] statements,
        ImportSkips skips)
    {
        Presentation = presentation;
        Resources = resources;
        Assessments = assessments;
        AssessmentsWithSubmissions = assessmentsWithSubmissions;
        Learners = learners;
        Statements = statements;
        Skips = skips;
    }

    public OuladPresentation Presentation { get; }

    public IReadOnlyList<OuladResource> Resources { get; }

    /// <summary>Ordered by deadline, undated exams last.</summary>
    public IReadOnlyList<OuladAssessment> Assessments { get; }

    /// <summary>Assessments with at least one own (non-banked) submission in the files.</summary>
    public IReadOnlySet<int> AssessmentsWithSubmissions { get; }

    public IReadOnlyList<ImportLearner> Learners { get; }

    /// <summary>Ordered by day, then student, resources before submissions.</summary>
    public ImportStatement[] Statements { get; }

    public ImportSkips Skips { get; }

    /// <summary>Last OULAD day that carries anything (the presentation length at least).</summary>
    public int LastDay =>
        Math.Max(
            Presentation.LengthDays,
            Math.Max(
                Statements.Length == 0 ? 0 : Statements[^1].Day,
                Learners.Select(l => l.WithdrawnDay ?? l.EnrolledDay).DefaultIfEmpty(0).Max()));

    public static async Task<ImportPlan> BuildAsync(string directory, string presentationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(presentationKey);
        var dash = presentationKey.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == presentationKey.Length - 1)
        {
            throw new ArgumentException($"--presentation must be MODULE-PRESENTATION such as BBB-2013J, not '{presentationKey}'.");
        }

        var dataset = OuladDataset.Load(directory, new OuladPresentationFilter(presentationKey));
        if (dataset.Presentations.Count != 1)
        {
            throw new ArgumentException($"--presentation '{presentationKey}' matches {dataset.Presentations.Count} presentations; name exactly one.");
        }

        var presentation = dataset.Presentations[0];
        var resources = new List<OuladResource>();
        foreach (var row in OuladCsv.Rows(directory, "vle"))
        {
            if (row.Text("code_module") == presentation.Module && row.Text("code_presentation") == presentation.Presentation)
            {
                resources.Add(new OuladResource(row.RequiredInt("id_site"), row.Text("activity_type").Trim()));
            }
        }

        resources.Sort((a, b) => a.SiteId.CompareTo(b.SiteId));
        var registrations = dataset.RegistrationsOf(presentation);
        var registered = registrations.Select(r => r.StudentId).ToHashSet();

        var statements = new List<ImportStatement>();
        var firstActivity = new Dictionary<int, int>();
        void Seen(int student, int day) =>
            firstActivity[student] = firstActivity.TryGetValue(student, out var first) ? Math.Min(first, day) : day;

        // studentVle may hold several rows for one (student, resource, day): one statement sums them.
        var clicks = await dataset.ReadClicksAsync(presentation, cancellationToken);
        Array.Sort(clicks, static (a, b) =>
            a.StudentId != b.StudentId ? a.StudentId.CompareTo(b.StudentId)
            : a.SiteId != b.SiteId ? a.SiteId.CompareTo(b.SiteId)
            : a.Day.CompareTo(b.Day));
        int unregisteredClicks = 0, mergedRows = 0;
        for (var i = 0; i < clicks.Length;)
        {
            var c = clicks[i];
            var sum = 0;
            var j = i;
            while (j < clicks.Length && clicks[j].StudentId == c.StudentId && clicks[j].SiteId == c.SiteId && clicks[j].Day == c.Day)
            {
                sum += clicks[j].Clicks;
                j++;
            }

            mergedRows += j - i - 1;
            if (registered.Contains(c.StudentId))
            {
                statements.Add(new ImportStatement(c.StudentId, c.Day, false, c.SiteId, sum, null));
                Seen(c.StudentId, c.Day);
            }
            else
            {
                unregisteredClicks += j - i;
            }

            i = j;
        }

        int banked = 0, unregisteredSubmissions = 0;
        var withSubmissions = new HashSet<int>();
        foreach (var s in dataset.SubmissionsOf(presentation))
        {
            // Pitfall 4: a banked result was earned in an earlier presentation, not in this one.
            if (s.IsBanked)
            {
                banked++;
            }
            else if (!registered.Contains(s.StudentId))
            {
                unregisteredSubmissions++;
            }
            else
            {
                statements.Add(new ImportStatement(s.StudentId, s.DaySubmitted, true, s.AssessmentId, 0, s.Score));
                withSubmissions.Add(s.AssessmentId);
                Seen(s.StudentId, s.DaySubmitted);
            }
        }

        statements.Sort(static (a, b) =>
            a.Day != b.Day ? a.Day.CompareTo(b.Day)
            : a.StudentId != b.StudentId ? a.StudentId.CompareTo(b.StudentId)
            : a.IsSubmission != b.IsSubmission ? a.IsSubmission.CompareTo(b.IsSubmission)
            : a.TargetId.CompareTo(b.TargetId));

        int missingRegistration = 0;
        var learners = new List<ImportLearner>(registrations.Count);
        foreach (var r in registrations)
        {
            // 45 registrations have no date: they count as enrolled by day 0, or earlier if they were active earlier.
            int enrolled;
            if (r.RegistrationDay is { } day)
            {
                enrolled = day;
            }
            else
            {
                missingRegistration++;
                enrolled = Math.Min(0, firstActivity.GetValueOrDefault(r.StudentId, 0));
            }

            int? withdrawn = r.UnregistrationDay is { } u ? Math.Max(u, enrolled) : null;
            learners.Add(new ImportLearner(r, enrolled, withdrawn));
        }

        return new ImportPlan(
            presentation, resources, dataset.AssessmentsOf(presentation), withSubmissions, learners, [.. statements],
            new ImportSkips(clicks.Length, mergedRows, unregisteredClicks, banked, unregisteredSubmissions, missingRegistration));
    }

    /// <summary>Index of the first statement dated on or after <paramref name="day"/>.</summary>
    public int FirstStatementOnOrAfter(int day)
    {
        int lo = 0, hi = Statements.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Statements[mid].Day < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
