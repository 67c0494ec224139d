using System.Globalization;
using System.Text.Json.Nodes;
using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// The course definition of a presentation: one module per VLE activity type (its resources as lessons,
/// lesson id = id_site) and one module of assessments (lesson id <c>assessment-{id}</c>, the ML adapter's
/// ids, so the platform's statements and the training data name lessons alike).
/// </summary>
internal static class CourseMapper
{
    /// <summary>The course; its <c>startDate</c> is <paramref name="calendar"/>'s (the presentation's own dates without one).</summary>
    public static JsonObject Build(ImportPlan plan, ImportCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var p = plan.Presentation;
        calendar ??= new ImportCalendar(p);
        var modules = new JsonArray();
        foreach (var group in plan.Resources.GroupBy(r => r.ActivityType).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var lessons = new JsonArray();
            foreach (var r in group)
            {
                var kind = LessonKinds.ForActivity(r.ActivityType);
                var lesson = new JsonObject
                {
                    ["id"] = Id(r.SiteId),
                    ["title"] = $"{r.ActivityType} {Id(r.SiteId)}",
                    ["kind"] = kind,
                    ["minutes"] = LessonKinds.MinutesFor(kind),
                    ["skills"] = new JsonArray(),
                    ["prerequisites"] = new JsonArray(),

                    // Course completion rests on the graded assessments; nobody "completes" a resource in OULAD.
                    ["required"] = false,
                };
                lessons.Add(lesson);
            }

            modules.Add(new JsonObject
            {
                ["id"] = ModuleId(group.Key),
                ["title"] = $"VLE {group.Key} resources",
                ["lessons"] = lessons,
            });
        }

        var assessments = new JsonArray();
        foreach (var a in plan.Assessments)
        {
            assessments.Add(new JsonObject
            {
                ["id"] = a.LessonId,
                ["title"] = $"{a.Type} {a.Id.ToString(CultureInfo.InvariantCulture)} (weight {a.Weight.ToString(CultureInfo.InvariantCulture)}%)",
                ["kind"] = LessonKinds.ForAssessment(a.Type),
                ["minutes"] = LessonKinds.AssessmentMinutes(a.Type),
                ["skills"] = new JsonArray(a.Type.ToLowerInvariant()),
                ["prerequisites"] = new JsonArray(),
                ["required"] = IsRequired(plan, a),

                // 11 exams have no date: they are at the end of the presentation.
                ["dueDay"] = a.Deadline ?? p.LengthDays,
            });
        }

        modules.Add(new JsonObject { ["id"] = "assessments", ["title"] = "Assessments", ["lessons"] = assessments });
        return new JsonObject
        {
            ["id"] = p.CourseId,
            ["title"] = $"OULAD {p.Module} {p.Presentation} (Open University, anonymised)",
            ["field"] = "oulad",
            ["description"] =
                $"Module {p.Module}, presentation {p.Presentation} of the Open University Learning Analytics Dataset, replayed "
                + "through the public API. Data: Kuzilek J., Hlosta M., Zdrahal Z., Open University Learning Analytics dataset, "
                + "Scientific Data 4:170171 (2017), doi:10.1038/sdata.2017.171, licence CC BY 4.0.",
            ["language"] = "en",
            ["pricing"] = new JsonObject { ["kind"] = "free" },
            ["certificate"] = new JsonObject { ["kind"] = "statement", ["passThreshold"] = OuladDataset.PassScore / 100 },
            ["startDate"] = calendar.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["modules"] = modules,
        };
    }

    /// <summary>
    /// An assessment counts towards completion when the files hold submissions for it (five of the seven
    /// modules list an exam with no exam rows at all, pitfall 5: a lesson nobody can be recorded passing
    /// would make completion impossible) and it carries weight; when no submitted assessment carries weight
    /// (GGG's TMAs and CMAs weigh 0, its exam 100), every submitted assessment counts.
    /// </summary>
    public static bool IsRequired(ImportPlan plan, OuladAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(assessment);
        if (!plan.AssessmentsWithSubmissions.Contains(assessment.Id))
        {
            return false;
        }

        return assessment.Weight > 0 || !plan.Assessments.Any(a => a.Weight > 0 && plan.AssessmentsWithSubmissions.Contains(a.Id));
    }

    public static string Id(int siteId) => siteId.ToString(CultureInfo.InvariantCulture);

    private static string ModuleId(string activityType)
    {
        var cleaned = new string([.. activityType.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))]);
        return "vle-" + (cleaned.Length == 0 ? "other" : cleaned);
    }
}
