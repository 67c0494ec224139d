using System.Globalization;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Tools.Import;

/// <summary>The bodies an import sends about a learner: registration, enrolment, withdrawal.</summary>
internal static class LearnerRequests
{
    public static JsonObject Registration(ImportLearner learner, string password)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return new JsonObject
        {
            ["id"] = learner.LearnerId,
            ["name"] = $"OULAD student {learner.Registration.StudentId.ToString(CultureInfo.InvariantCulture)}",
            ["email"] = $"{learner.LearnerId}@oulad.example.org",
            ["password"] = password,
            ["timezone"] = "Europe/London",
            ["weeklyAvailability"] = new JsonArray(),
        };
    }

    public static JsonObject Enrolment(ImportPlan plan, ImportLearner learner, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(learner);
        var body = new JsonObject
        {
            ["courseId"] = plan.Presentation.CourseId,
            ["enrolledAt"] = at.ToString("O", CultureInfo.InvariantCulture),
        };
        if (learner.Registration.WeeklyStudyHours(plan.Presentation.LengthDays) is { } hours)
        {
            // OULAD's studied credits, as the study load the platform asks for at enrolment.
            body["weeklyStudyHours"] = hours;
        }

        return body;
    }

    public static JsonObject Withdrawal(DateTimeOffset at) => new()
    {
        ["at"] = at.ToString("O", CultureInfo.InvariantCulture),
        ["reason"] = "OULAD date_unregistration",
    };
}
