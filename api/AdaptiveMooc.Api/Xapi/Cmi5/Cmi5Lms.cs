using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Cmi5;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Statements;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Xapi.Cmi5;

/// <summary>
/// The statements the platform writes as the cmi5 LMS (cmi5 9.3: launched, abandoned, waived, satisfied) and
/// the platform's own "completed" on the lesson once every AU of its package meets its moveOn criterion. They go
/// through the same parser, interpreter and ingest grain as posted statements, as a grader (the LMS decides), so
/// progress, mastery and the certificate rule see the lesson's completion exactly as any other.
/// </summary>
internal sealed class Cmi5Lms(IClusterClient cluster, IOptions<XapiOptions> options, XapiInterpreter interpreter, TimeProvider clock)
{
    public string Base => options.Value.Base;

    /// <summary>The registration of a learner's cmi5 lesson: a UUID derived from learner, course and lesson, so every launch finds the same.</summary>
    public static Guid Registration(string learnerId, string courseId, string lessonId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"cmi5-registration|{learnerId}|{courseId}|{lessonId}"))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The activity id the LMS generates for an AU (cmi5 8.1.5): stable per lesson and AU, never the AU's publisher id.</summary>
    public string ActivityId(string courseId, string lessonId, int auIndex) =>
        $"{Base}/courses/{courseId}/lessons/{lessonId}/cmi5/au/{auIndex.ToString(CultureInfo.InvariantCulture)}";

    public JsonObject Actor(string learnerId) => Documents.XapiAgent.OfLearner(Base, learnerId);

    public JsonObject Statement(Cmi5Unit unit, string verb, string display, Guid sessionId, string? objectId = null, JsonObject? result = null, JsonObject? extensions = null)
    {
        var contextExtensions = extensions ?? [];
        contextExtensions[Cmi5Verbs.SessionIdExtension] = sessionId.ToString("D");
        var statement = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["actor"] = Actor(unit.LearnerId),
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = display } },
            ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = objectId ?? unit.ActivityId },
            ["context"] = new JsonObject
            {
                ["registration"] = unit.Registration.ToString("D"),
                ["contextActivities"] = objectId is null
                    ? new JsonObject
                    {
                        ["category"] = new JsonArray(new JsonObject { ["id"] = Cmi5Verbs.Category }),
                        ["grouping"] = new JsonArray(new JsonObject { ["id"] = unit.AuId }),
                    }
                    : new JsonObject { ["category"] = new JsonArray(new JsonObject { ["id"] = Cmi5Verbs.Category }) },
                ["extensions"] = contextExtensions,
            },
            ["timestamp"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        if (result is not null)
        {
            statement["result"] = result;
        }

        return statement;
    }

    /// <summary>Stores statements as the LMS (a grader); throws when the store refuses them, which would be a bug here.</summary>
    public async Task RecordAsync(IReadOnlyList<JsonObject> statements, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(new JsonArray([.. statements.Select(s => (JsonNode)s.DeepClone())]).ToJsonString());
        var authority = new JsonObject { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = Base, ["name"] = "cmi5-lms" } };
        var parsed = new StatementParser(Base, clock.GetUtcNow(), authority).Parse(document.RootElement);
        parsed = await interpreter.InterpretAsync(parsed, cancellationToken);
        var result = await cluster.ByKey<IStatementIngestGrain>(0).Ingest([.. parsed.Select(p => p.Record with { FromGrader = true })]);
        if (result.Status != IngestStatus.Stored)
        {
            throw new InvalidOperationException($"The LMS statements were not stored: {result.Status}.");
        }
    }

    /// <summary>
    /// After an AU became satisfied: when every AU of the lesson's package is, the LMS records "satisfied" on the
    /// package's course and the platform records the lesson completed.
    /// </summary>
    public async Task LessonSatisfiedIfAllAsync(Cmi5Unit unit, int auCount, Guid sessionId, string packageCourseId, CancellationToken cancellationToken)
    {
        for (var i = 0; i < auCount; i++)
        {
            if (await cluster.ByKey<ICmi5RegistrationGrain>(Cmi5Keys.Unit(unit.LearnerId, unit.CourseId, unit.LessonId, i)).GetStatus() is not { Satisfied: true })
            {
                return;
            }
        }

        var lesson = $"{Base}/courses/{unit.CourseId}/lessons/{unit.LessonId}";
        var completed = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["actor"] = Actor(unit.LearnerId),
            ["verb"] = new JsonObject { ["id"] = XapiVerbs.Completed, ["display"] = new JsonObject { ["en-US"] = "completed" } },
            ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = lesson },
            ["result"] = new JsonObject { ["completion"] = true },
            ["context"] = new JsonObject { ["registration"] = unit.Registration.ToString("D") },
            ["timestamp"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        await RecordAsync([Statement(unit, Cmi5Verbs.Satisfied, "satisfied", sessionId, packageCourseId), completed], cancellationToken);
    }
}
