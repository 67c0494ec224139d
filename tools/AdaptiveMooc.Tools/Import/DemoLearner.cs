using System.Globalization;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// The demo learner of a presentation placed in the present: one student who is enrolled today and
/// stays so to the end (passed the module, never unregistered, declared a study load), and whose last
/// activity lies 6 to 13 days back, longer than the rhythm of the windows <see cref="Windows"/>
/// declares allows (2 x 7 / 3 days): so their plan has sessions, their recommendations are warm and the
/// plan watch has an inactivity notice for them at once. The same files and day always name the same
/// student.
/// </summary>
internal static class DemoLearner
{
    public const string TimeZone = "Europe/London";

    /// <summary>Monday and Wednesday evenings, Saturday morning (local times in <see cref="TimeZone"/>).</summary>
    public static readonly (string Day, string Start, string End)[] Windows =
        [("monday", "19:00", "21:00"), ("wednesday", "19:00", "21:00"), ("saturday", "10:00", "12:30")];

    /// <summary>The demo learner as of course day <paramref name="today"/>, or null when no student fits.</summary>
    public static ImportLearner? Choose(ImportPlan plan, int today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var lastActive = new Dictionary<int, int>();
        foreach (var s in plan.Statements.AsSpan(0, plan.FirstStatementOnOrAfter(today)))
        {
            lastActive[s.StudentId] = s.Day;
        }

        var candidates = plan.Learners
            .Where(l => l.EnrolledDay < today && l.WithdrawnDay is null && l.Registration.FinalResult is "Pass" or "Distinction"
                && l.Registration.WeeklyStudyHours(plan.Presentation.LengthDays) is not null
                && lastActive.ContainsKey(l.Registration.StudentId))
            .Select(l => (Learner: l, Last: lastActive[l.Registration.StudentId]))
            .ToList();
        return candidates
            .Where(c => c.Last >= today - 13 && c.Last <= today - 6)
            .OrderByDescending(c => c.Last)
            .ThenBy(c => c.Learner.Registration.StudentId)
            .Concat(candidates.OrderByDescending(c => c.Last).ThenBy(c => c.Learner.Registration.StudentId))
            .Select(c => c.Learner)
            .FirstOrDefault();
    }

    /// <summary>Declares <see cref="Windows"/> in <see cref="TimeZone"/> for the learner (their study load came with the enrolment).</summary>
    public static async Task DeclareAsync(PlatformApi api, ImportLearner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(learner);
        var windows = new JsonArray();
        foreach (var (day, start, end) in Windows)
        {
            windows.Add(new JsonObject { ["day"] = day, ["start"] = start, ["end"] = end });
        }

        (await api.PutAsync(
            $"/api/learners/{learner.LearnerId}/availability",
            new JsonObject { ["timezone"] = TimeZone, ["weeklyAvailability"] = windows },
            cancellationToken)).Expect($"PUT availability of {learner.LearnerId}");
    }

    public static string Describe(ImportPlan plan, ImportLearner learner) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{learner.LearnerId} ({learner.Registration.FinalResult} in the files, {learner.Registration.WeeklyStudyHours(plan.Presentation.LengthDays):F1} h/week declared; available {string.Join(", ", Windows.Select(w => $"{w.Day} {w.Start}-{w.End}"))} {TimeZone})");
}
