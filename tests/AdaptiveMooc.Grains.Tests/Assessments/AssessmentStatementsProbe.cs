using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Tests.Assessments;

/// <summary>A learner's own statement claiming a correct answer on a bank item, naming its skills as the platform does.</summary>
internal static class AssessmentStatementsProbe
{
    public static StatementRecord LearnerClaim(string learnerId, string courseId, string itemId, DateTimeOffset at)
    {
        var json = """{"context":{"extensions":{"http://127.0.0.1:5080/xapi/extensions/skills":["npv"]}}}""";
        return TestData.Statement(learnerId, courseId, "l2", "answered", at, itemId: itemId, success: true, fromGrader: false) with { Json = json };
    }
}
