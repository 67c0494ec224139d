using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Assessments;

namespace AdaptiveMooc.Grains.Practice;

/// <summary>
/// The <c>answered</c> statement of a practice answer, shaped as the platform's quiz answers are
/// (<see cref="AssessmentStatements"/>): the item as a <c>cmi.interaction</c> under the lesson that teaches
/// the skill, <c>result.success</c>, the item's skills in the skills extension, the platform as grader. Id and
/// content are functions of the stored answer, so a statement sent again is the same statement.
/// </summary>
internal static class PracticeStatements
{
    public static StatementRecord Answered(string baseUrl, string learnerId, string courseId, string skill, PracticeAnswerRecord answer)
    {
        var item = answer.Item;
        var lessonActivity = $"{baseUrl}/courses/{courseId}/lessons/{answer.LessonId}";
        var activityId = $"{lessonActivity}/items/{item.Id}";
        var id = AssessmentStatements.StableId("practice", $"{learnerId}/{courseId}/{skill}/{answer.Sequence}");
        var timestamp = AssessmentStatements.Instant(answer.AnsweredAt);
        var json = new JsonObject
        {
            ["id"] = id.ToString("D"),
            ["actor"] = AssessmentStatements.Actor(baseUrl, learnerId),
            ["verb"] = AssessmentStatements.Verb(XapiVerbs.Answered),
            ["object"] = AssessmentStatements.ItemActivity(activityId, item),
            ["result"] = new JsonObject { ["success"] = answer.Correct, ["response"] = answer.Answer.ToResponse() },
            ["context"] = new JsonObject
            {
                ["registration"] = AssessmentStatements.StableId("practice", $"{learnerId}/{courseId}/{skill}").ToString("D"),
                ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = lessonActivity }) },
                ["extensions"] = new JsonObject
                {
                    [baseUrl + AssessmentStatements.SkillsExtensionSuffix] = new JsonArray([.. item.Skills.Select(s => (JsonNode)s)]),
                },
            },
            ["timestamp"] = timestamp,
        }.ToJsonString();
        return AssessmentStatements.Record(
            id, learnerId, XapiVerbs.Answered, activityId, timestamp, json, courseId, answer.LessonId, item.Id, answer.Correct, null, null, null);
    }
}
