namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Who may call what: one row per "METHOD /route/template" of /openapi/v1.json. AccessMatrixTests fails
/// for a route without a row, so every route added later must be placed here with its policy.
/// Extend it with your routes; the presets in <see cref="AccessRule"/> follow docs/API.md's roles.
/// </summary>
public static class AccessMatrix
{
    private const string StatementsWrite = "statements:write";
    private const string StatementsRead = "statements:read";
    private const string CoursesWrite = "courses:write";
    private const string RecommendationsRead = "recommendations:read";
    private const string Thread = "/api/courses/{courseId}/forum/threads/{threadId}";
    private const string Webinar = "/api/courses/{courseId}/webinars/{webinarId}";

    private static readonly Dictionary<string, AccessRule> CoreRoutes = new(StringComparer.Ordinal)
    {
        // Health and description.
        ["GET /alive"] = AccessRule.Anyone(),

        // Operations (issue 20): the scrape answers anyone on the loopback (as these tests are) and admins from
        // elsewhere (TelemetryTests covers remote callers); dashboard tickets are for admins only.
        ["GET /metrics"] = AccessRule.Anyone(),
        ["POST /api/admin/dashboard/sessions"] = AccessRule.AdminOnly(),

        // Authentication (security).
        ["POST /api/auth/token"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["POST /api/auth/refresh"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["POST /api/auth/logout"] = AccessRule.AnyCaller()
            .With(Role.KeyWithScope, Expect.Forbidden).With(Role.KeyWithoutScope, Expect.Forbidden) with { Body = _ => new { } },
        ["GET /.well-known/jwks.json"] = AccessRule.Anyone(),

        // API keys, trainers, audit (security).
        ["POST /api/api-keys"] = AccessRule.AdminOnly() with { Body = _ => new { } },
        ["GET /api/api-keys"] = AccessRule.AdminOnly(),
        ["GET /api/api-keys/{id}"] = AccessRule.AdminOnly() with { Parameters = new Dictionary<string, string> { ["id"] = "apiKeyId" } },
        ["DELETE /api/api-keys/{id}"] = AccessRule.AdminOnly() with { Parameters = new Dictionary<string, string> { ["id"] = "apiKeyId" } },
        ["POST /api/trainers"] = AccessRule.AdminOnly() with { Body = _ => new { } },
        ["GET /api/trainers"] = AccessRule.AdminOnly(),
        // A trainer account is visible to itself and admins; everyone else cannot tell it exists.
        ["GET /api/trainers/{id}"] = new AccessRule(new Dictionary<Role, Expect>
        {
            [Role.Anonymous] = Expect.Unauthorized,
            [Role.LearnerSelf] = Expect.NotFound,
            [Role.OtherLearner] = Expect.NotFound,
            [Role.CourseTrainer] = Expect.Allowed,
            [Role.OtherTrainer] = Expect.NotFound,
            [Role.Admin] = Expect.Allowed,
            [Role.KeyWithScope] = Expect.NotFound,
            [Role.KeyWithoutScope] = Expect.NotFound,
        }) { Parameters = new Dictionary<string, string> { ["id"] = "trainerId" } },
        ["GET /api/audit"] = AccessRule.AdminOnly(),

        // Model registry and retraining loop (issue 20, docs/OPERATIONS.md "Retraining").
        ["GET /api/models/registry"] = AccessRule.AdminOnly(),
        ["POST /api/models/retraining"] = AccessRule.AdminOnly() with { Body = _ => new { testWeeks = 6 } },
        ["POST /api/models/rollback"] = AccessRule.AdminOnly(),

        // Courses (backbone).
        ["POST /api/courses"] = AccessRule.CourseStaff(CoursesWrite).With(Role.OtherTrainer, Expect.Allowed) with
        {
            Body = _ => AccessMatrixTests.Course("c-" + Guid.NewGuid().ToString("N")[..12]),
        },
        ["GET /api/courses"] = AccessRule.AnyCaller(),
        ["GET /api/courses/{courseId}"] = AccessRule.AnyCaller(),
        ["PUT /api/courses/{courseId}"] = AccessRule.CourseStaff(CoursesWrite) with { Body = s => AccessMatrixTests.Course(s["courseId"], quiz: true) },
        ["POST /api/courses/{courseId}/publish"] = AccessRule.CourseStaff(CoursesWrite),
        // Only the owner (CourseTrainer owns the scenario's course) and admins add co-trainers.
        ["POST /api/courses/{courseId}/trainers"] = AccessRule.CourseStaff() with { Body = s => new { trainerId = s["spareTrainerId"] } },

        // Learners (backbone).
        ["POST /api/learners"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["GET /api/learners/{learnerId}"] = AccessRule.LearnerData(),
        ["PUT /api/learners/{learnerId}/availability"] = AccessRule.LearnerData() with
        {
            Body = _ => new { timezone = "Europe/London", weeklyAvailability = new[] { new { day = "monday", start = "19:00", end = "21:00" } } },
        },
        ["POST /api/learners/{learnerId}/enrollments"] = AccessRule.LearnerData() with { Body = s => new { courseId = s["courseId"] } },
        ["GET /api/learners/{learnerId}/enrollments"] = AccessRule.LearnerData(),
        ["POST /api/learners/{learnerId}/enrollments/{courseId}/withdrawal"] = AccessRule.LearnerData() with
        {
            Parameters = new Dictionary<string, string> { ["courseId"] = "spareCourseId" },
            Body = _ => new { },
        },
        // The course's trainers also follow their learners' progress.
        ["GET /api/learners/{learnerId}/courses/{courseId}/progress"] = AccessRule.LearnerData(StatementsRead)
            .With(Role.CourseTrainer, Expect.Allowed),

        // xAPI (backbone). A learner posts about themselves only; the course's trainers, admins and keys
        // (unscoped, or scoped to the course) grade; a trainer of other courses may not (issue 16).
        ["POST /xapi/statements"] = AccessRule.AnyCaller()
            .With(Role.OtherLearner, Expect.Forbidden).With(Role.OtherTrainer, Expect.Forbidden).With(Role.KeyWithoutScope, Expect.Forbidden) with
        {
            Scope = StatementsWrite,
            Body = s => new
            {
                actor = s.Actor(s["learnerId"]),
                verb = new { id = "http://adlnet.gov/expapi/verbs/experienced" },
                @object = new { id = $"{s.BaseUrl}/courses/{s["courseId"]}/lessons/l1" },
            },
        },
        ["PUT /xapi/statements"] = AccessRule.AnyCaller()
            .With(Role.OtherLearner, Expect.Forbidden).With(Role.OtherTrainer, Expect.Forbidden).With(Role.KeyWithoutScope, Expect.Forbidden) with
        {
            Scope = StatementsWrite,
            Query = _ => "statementId=" + Guid.NewGuid(),
            Body = s => new
            {
                actor = s.Actor(s["learnerId"]),
                verb = new { id = "http://adlnet.gov/expapi/verbs/experienced" },
                @object = new { id = $"{s.BaseUrl}/courses/{s["courseId"]}/lessons/l1" },
            },
        },
        ["GET /xapi/statements"] = AccessRule.LearnerData(StatementsRead) with
        {
            Query = s => "agent=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(s.Actor(s["learnerId"]))),
        },
        ["GET /xapi/about"] = AccessRule.Anyone(),

        // Forums (social). Enrolled learners use the course's forum; its trainers and admins also moderate.
        // Bodies are incomplete on purpose (400 once authorized) so no row changes what another row sees.
        ["GET /api/courses/{courseId}/forum/threads"] = AccessRule.CourseMembers(),
        ["POST /api/courses/{courseId}/forum/threads"] = AccessRule.CourseMembers() with { Body = _ => new { } },
        ["GET " + Thread] = AccessRule.CourseMembers(),
        ["POST " + Thread + "/posts"] = AccessRule.CourseMembers() with { Body = _ => new { } },
        ["GET " + Thread + "/posts/{postId}"] = AccessRule.CourseMembers(),
        ["POST " + Thread + "/posts/{postId}/votes"] = AccessRule.CourseMembers() with { Body = _ => new { } },
        ["POST " + Thread + "/posts/{postId}/reports"] = AccessRule.CourseMembers() with { Body = _ => new { } },
        ["POST " + Thread + "/posts/{postId}/moderation"] = AccessRule.CourseStaff() with { Body = _ => new { } },
        // The thread's author (LearnerSelf opened it) and the course's trainers accept an answer.
        ["POST " + Thread + "/accepted"] = AccessRule.CourseMembers() with { Body = s => new { postId = s["postId"] } },
        ["POST " + Thread + "/moderation"] = AccessRule.CourseStaff() with { Body = _ => new { } },
        // Resuming after the opening post replays the reply at once, so the stream's headers arrive.
        ["GET " + Thread + "/events"] = AccessRule.CourseMembers() with { Query = s => "lastEventId=" + s["openingPostId"] },
        ["GET /api/courses/{courseId}/forum/reports"] = AccessRule.CourseStaff(),

        // Course analytics (analytics): the course's trainers, admins and keys with analytics:read.
        ["GET /api/courses/{courseId}/analytics"] = AccessRule.CourseStaff("analytics:read"),
        ["GET /api/courses/{courseId}/analytics/learners.csv"] = AccessRule.CourseStaff("analytics:read"),
        ["POST /api/courses/{courseId}/analytics/rebuild"] = AccessRule.AdminOnly(),

        // Webinars (social). Scheduling changes the course (courses:write); attendance is a statement (statements:write).
        ["GET /api/courses/{courseId}/webinars"] = AccessRule.CourseMembers(),
        ["POST /api/courses/{courseId}/webinars"] = AccessRule.CourseStaff(CoursesWrite) with { Body = _ => new { } },
        ["GET " + Webinar] = AccessRule.CourseMembers(),
        ["POST " + Webinar + "/registrations"] = AccessRule.CourseMembers() with { Body = s => new { learnerId = s["learnerId"] } },
        ["POST " + Webinar + "/attendance"] = AccessRule.CourseStaff(StatementsWrite) with { Body = _ => new { } },
        ["GET " + Webinar + "/registrations"] = AccessRule.CourseStaff(),
        ["GET /api/learners/{learnerId}/webinars"] = AccessRule.LearnerData(),

        // Certificates (social). Verification is public; revocation is for the course's trainers (reason left out: 400).
        ["GET /api/certificates/{certificateId}"] = AccessRule.Anyone(),
        ["POST /api/certificates/{certificateId}/revocation"] = AccessRule.CourseStaff() with { Body = _ => new { } },
        ["GET /api/certificates/status-lists/{listId}"] = AccessRule.Anyone(),
        ["GET /api/learners/{learnerId}/certificates"] = AccessRule.LearnerData(),
        ["POST /api/learners/{learnerId}/courses/{courseId}/certificate"] = AccessRule.LearnerData().With(Role.CourseTrainer, Expect.Allowed),

        // Personalised paths and pacing (planner).
        ["GET /api/learners/{learnerId}/courses/{courseId}/recommendations"] = AccessRule.LearnerData(RecommendationsRead),
        ["GET /api/learners/{learnerId}/courses/{courseId}/plan"] = AccessRule.LearnerData(RecommendationsRead),
        ["GET /api/learners/{learnerId}/notifications"] = AccessRule.LearnerData(),

        // One plan per learner (planner). Opening and revoking the calendar feed is the learner's (and admins')
        // own business; the feed itself is the one anonymous route here: its token is the credential. The
        // scenario's token belongs to the other learner, so the open/revoke rows (on learnerId) leave it valid.
        ["GET /api/learners/{learnerId}/plan"] = AccessRule.LearnerData(RecommendationsRead),
        ["POST /api/learners/{learnerId}/plan/what-if"] = AccessRule.LearnerData(RecommendationsRead) with { Body = _ => new { } },
        ["POST /api/learners/{learnerId}/calendar-feed"] = AccessRule.LearnerData(),
        ["DELETE /api/learners/{learnerId}/calendar-feed"] = AccessRule.LearnerData(),
        ["PUT /api/learners/{learnerId}/enrollments/{courseId}/target-date"] = AccessRule.LearnerData() with { Body = _ => new { targetDate = "2030-01-31" } },
        ["GET /api/calendar-feeds/{token}"] = AccessRule.Anyone() with { Parameters = new Dictionary<string, string> { ["token"] = "calendarToken" } },

        // Webhooks (planner): admins and keys with recommendations:read. The id given is not a UUID, so
        // the callers let through get a 400 (no webhook exists to find).
        ["POST /api/webhooks"] = WebhookManagers() with { Body = _ => new { } },
        ["GET /api/webhooks"] = WebhookManagers(),
        ["GET /api/webhooks/{id}"] = WebhookManagers() with { Parameters = new Dictionary<string, string> { ["id"] = "courseId" } },
        ["DELETE /api/webhooks/{id}"] = WebhookManagers() with { Parameters = new Dictionary<string, string> { ["id"] = "courseId" } },
        ["POST /api/webhooks/{id}/pings"] = WebhookManagers() with { Parameters = new Dictionary<string, string> { ["id"] = "courseId" } },

        // LRS forwarding (issue 17): admins only. The id given is not a UUID, so the admin gets a 400.
        ["POST /api/lrs-forwarding"] = AccessRule.AdminOnly() with { Body = _ => new { } },
        ["GET /api/lrs-forwarding"] = AccessRule.AdminOnly(),
        ["GET /api/lrs-forwarding/{id}"] = AccessRule.AdminOnly() with { Parameters = new Dictionary<string, string> { ["id"] = "courseId" } },
        ["DELETE /api/lrs-forwarding/{id}"] = AccessRule.AdminOnly() with { Parameters = new Dictionary<string, string> { ["id"] = "courseId" } },
        ["GET /api/lrs-forwarding/{id}/dead-letters"] = AccessRule.AdminOnly() with { Parameters = new Dictionary<string, string> { ["id"] = "courseId" } },
        ["POST /api/lrs-forwarding/{id}/dead-letters/retry"] = AccessRule.AdminOnly() with { Parameters = new Dictionary<string, string> { ["id"] = "courseId" } },

        // Assessments (assess). The bank holds answer keys: the course's trainers, admins and keys with courses:write.
        // itemId is on quiz l2's fixed list, so deleting it is a 409 for everyone let through. Attempts are the
        // learner's own (admins may act for them); the scenario's learner has attempt 1 of l2 in progress.
        ["GET /api/courses/{courseId}/question-bank"] = AccessRule.CourseStaff(CoursesWrite),
        ["POST /api/courses/{courseId}/question-bank"] = AccessRule.CourseStaff(CoursesWrite) with { Body = _ => new { } },
        ["GET /api/courses/{courseId}/question-bank/{itemId}"] = AccessRule.CourseStaff(CoursesWrite),
        ["PUT /api/courses/{courseId}/question-bank/{itemId}"] = AccessRule.CourseStaff(CoursesWrite) with { Body = _ => AccessMatrixTests.BankItem("item-1") },
        ["DELETE /api/courses/{courseId}/question-bank/{itemId}"] = AccessRule.CourseStaff(CoursesWrite),
        ["POST /api/courses/{courseId}/items"] = AccessRule.CourseStaff(CoursesWrite) with { Body = _ => new { } },
        ["GET /api/courses/{courseId}/items/{itemId}"] = AccessRule.CourseStaff(CoursesWrite),
        ["GET /api/courses/{courseId}/lessons/{lessonId}/assessment"] = AccessRule.CourseMembers().With(Role.KeyWithScope, Expect.Allowed) with { Scope = CoursesWrite },
        ["PUT /api/courses/{courseId}/lessons/{lessonId}/assessment"] = AccessRule.CourseStaff(CoursesWrite) with { Body = _ => new { itemIds = new[] { "item-1" } } },
        ["GET /api/courses/{courseId}/item-analysis"] = AccessRule.CourseStaff("analytics:read"),
        ["GET /api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/attempts"] = AccessRule.LearnerData(),
        ["POST /api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/attempts"] = AccessRule.LearnerData(),
        ["POST /api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/attempts/{attempt}/answers"] = AccessRule.LearnerData() with { Body = _ => new { } },
        ["POST /api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/attempts/{attempt}/submission"] = AccessRule.LearnerData(),

        // Payments (issue 15). Learners order for themselves (the scenario's course is free: 409 once let through).
        // The scenario's order id is not an order (404 for admins and learners: its existence is private).
        ["POST /api/courses/{courseId}/orders"] = LearnersOnly(),
        ["GET /api/orders/{orderId}"] = OrderRule(),
        ["POST /api/orders/{orderId}/payment"] = OrderRule() with { Body = _ => new { } },
        ["POST /api/orders/{orderId}/refund"] = OrderRule() with { Body = _ => new { } },
        ["POST /api/orders/{orderId}/reconciliation"] = OrderRule(),
        // The one anonymous write: everyone gets through authentication, nothing unsigned gets further (400).
        ["POST /api/payments/stripe/webhook"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["GET /api/learners/{learnerId}/courses/{courseId}/access"] = AccessRule.LearnerData(),

        // Providers (issue 15): admins create them; the provider's admins (CourseTrainer in the scenario) run them.
        ["POST /api/providers"] = AccessRule.AdminOnly() with { Body = _ => new { } },
        ["GET /api/providers/{providerId}"] = AccessRule.AnyCaller(),
        ["PUT /api/providers/{providerId}"] = AccessRule.CourseStaff() with { Body = _ => new { } },
        ["POST /api/providers/{providerId}/trainers"] = AccessRule.CourseStaff() with { Body = _ => new { } },
        ["POST /api/providers/{providerId}/vouchers"] = AccessRule.CourseStaff() with { Body = _ => new { } },
        ["GET /api/providers/{providerId}/vouchers"] = AccessRule.CourseStaff(),
        ["GET /api/providers/{providerId}/orders"] = AccessRule.CourseStaff(),
        ["POST /api/providers/{providerId}/grants"] = AccessRule.CourseStaff() with { Body = _ => new { } },
        // The contract's voucher route: the course's provider's admins and admins. The scenario's course has no
        // provider, so its owner is refused (403) and the admin gets past authorization to a 409 (no provider).
        ["POST /api/courses/{courseId}/vouchers"] = AccessRule.AdminOnly() with { Body = _ => new { } },
        ["POST /api/providers/{providerId}/grants/withdrawal"] = AccessRule.CourseStaff() with { Body = _ => new { } },
        // A learner redeems for themselves; an unknown code (the empty body) is a 400.
        ["POST /api/learners/{learnerId}/vouchers"] = AccessRule.LearnerData().With(Role.Admin, Expect.Forbidden) with { Body = _ => new { } },

        // Practice (adaptive practice of a skill).
        ["GET /api/learners/{learnerId}/courses/{courseId}/practice/{skill}"] = AccessRule.LearnerData(),
        ["POST /api/learners/{learnerId}/courses/{courseId}/practice/{skill}/next"] = AccessRule.LearnerData(),
        ["POST /api/learners/{learnerId}/courses/{courseId}/practice/{skill}/answers"] = AccessRule.LearnerData() with { Body = _ => new { } },
        ["GET /api/learners/{learnerId}/courses/{courseId}/practice/next"] = AccessRule.LearnerData(),
        ["POST /api/learners/{learnerId}/courses/{courseId}/practice/answers"] = AccessRule.LearnerData() with { Body = _ => new { } },

        // Accounts (docs/ACCOUNTS.md). Mailed-link routes are anonymous (the token is the credential; empty bodies
        // get 400). The own-account routes act on the caller's own account, so every learner and trainer gets
        // through; the admin key and API keys have no account. Bodies are incomplete on purpose (400).
        ["POST /api/account/password-reset"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["POST /api/account/password-reset/confirm"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["POST /api/account/email-verification"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["POST /api/auth/password-reset"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["POST /api/auth/password-reset/confirm"] = AccessRule.Anyone() with { Body = _ => new { } },
        ["POST /api/auth/email-verification/confirm"] = AccessRule.Anyone() with { Body = _ => new { } },
        // The contract's learner-addressed account routes: the learner or an admin. The deletion row aims at a
        // learner of its own (doomedLearnerId), so only the admin (last) gets through and erases it; the scenario's
        // learner holds no token for it (404 like any other learner). The export rows name no export (404).
        ["DELETE /api/learners/{learnerId}"] = AccessRule.LearnerData().With(Role.LearnerSelf, Expect.NotFound) with
        {
            Parameters = new Dictionary<string, string> { ["learnerId"] = "doomedLearnerId" },
        },
        ["POST /api/learners/{learnerId}/exports"] = AccessRule.LearnerData(),
        ["GET /api/learners/{learnerId}/exports/{exportId}"] = AccessRule.LearnerData().With(Role.LearnerSelf, Expect.NotFound).With(Role.Admin, Expect.NotFound) with
        {
            Parameters = new Dictionary<string, string> { ["exportId"] = "openingPostId" },
        },
        ["GET /api/learners/{learnerId}/exports/{exportId}/archive"] = AccessRule.LearnerData().With(Role.LearnerSelf, Expect.NotFound).With(Role.Admin, Expect.NotFound) with
        {
            Parameters = new Dictionary<string, string> { ["exportId"] = "openingPostId" },
        },
        ["GET /api/mail/unsubscribe"] = AccessRule.Anyone(),
        ["POST /api/mail/unsubscribe"] = AccessRule.Anyone(),
        ["GET /api/account"] = OwnAccount(),
        ["PUT /api/account/profile"] = OwnAccount() with { Body = _ => new { } },
        ["PUT /api/account/email"] = OwnAccount() with { Body = _ => new { } },
        ["POST /api/account/email-verification/resend"] = OwnAccount(),
        ["POST /api/account/password"] = OwnAccount() with { Body = _ => new { } },
        ["GET /api/account/mail-preferences"] = OwnAccount(),
        ["PUT /api/account/mail-preferences"] = OwnAccount() with { Body = _ => new { } },
        ["POST /api/account/deletion"] = OwnLearnerAccount(Expect.Allowed) with { Body = _ => new { } },
        ["POST /api/account/exports"] = OwnLearnerAccount(Expect.Allowed),
        // No such export: the learners get past authorization to a 404, everyone else is stopped before.
        ["GET /api/account/exports/{exportId}"] = OwnLearnerAccount(Expect.NotFound) with
        {
            Parameters = new Dictionary<string, string> { ["exportId"] = "openingPostId" },
        },
        ["GET /api/account/exports/{exportId}/archive"] = OwnLearnerAccount(Expect.NotFound) with
        {
            Parameters = new Dictionary<string, string> { ["exportId"] = "openingPostId" },
        },
    };

    /// <summary>Lesson content, media and course versions (content, docs/CONTENT.md); merged into <see cref="Routes"/>.</summary>
    private static readonly Dictionary<string, AccessRule> ContentRoutes = new(StringComparer.Ordinal)
    {
        ["GET /api/courses/{courseId}/lessons/{lessonId}/content"] = AccessRule.CourseMembers() with { Parameters = new Dictionary<string, string> { ["lessonId"] = "contentLessonId" } },
        ["PUT /api/courses/{courseId}/lessons/{lessonId}/content"] = AccessRule.CourseStaff(CoursesWrite) with
        {
            Body = _ => new { format = "markdown", body = "# Matrix" },
            Parameters = new Dictionary<string, string> { ["lessonId"] = "contentLessonId" },
        },
        ["POST /api/courses/{courseId}/content/preview"] = AccessRule.CourseStaff(CoursesWrite) with { Body = _ => new { markdown = "# Hi" } },
        ["GET /api/courses/{courseId}/draft"] = AccessRule.CourseStaff(CoursesWrite),
        ["PUT /api/courses/{courseId}/draft"] = AccessRule.CourseStaff(CoursesWrite) with { Body = s => AccessMatrixTests.Course(s["courseId"]) },
        ["DELETE /api/courses/{courseId}/draft"] = AccessRule.CourseStaff(CoursesWrite),
        ["GET /api/courses/{courseId}/versions/{version}"] = AccessRule.CourseStaff(CoursesWrite),
        // A JSON body where multipart is expected: the callers let through get a 400 naming the file.
        ["POST /api/courses/{courseId}/media"] = AccessRule.CourseStaff(CoursesWrite) with { Body = _ => new { } },
        ["GET /api/courses/{courseId}/media"] = AccessRule.CourseStaff(CoursesWrite),
        ["GET /api/courses/{courseId}/media/{mediaId}"] = AccessRule.CourseStaff(CoursesWrite),
        ["GET /api/courses/{courseId}/media/{mediaId}/link"] = AccessRule.CourseMembers(),
        // Anonymous, the signed link being the credential: without one everybody gets 403.
        ["GET /api/media/{courseId}/{mediaId}"] = new AccessRule(Enum.GetValues<Role>().ToDictionary(r => r, _ => Expect.Forbidden)),
    };

    /// <summary>
    /// xAPI document resources (docs/XAPI.md, "Documents"): State and Agent Profile documents of the learner's
    /// own agent (other learners and trainers 403), Activity Profiles read by learners and written by admins and
    /// keys; keys read with statements:read and write with statements:write. Merged into <see cref="Routes"/>.
    /// </summary>
    private static readonly Dictionary<string, AccessRule> XapiDocumentRoutes = new(StringComparer.Ordinal)
    {
        // GETs list ids (a single missing document would be a 404 for everyone).
        ["GET /xapi/activities/state"] = OwnAgentDocument(StatementsRead) with { Query = s => ActivityQuery(s) + "&" + AgentQuery(s) },
        ["PUT /xapi/activities/state"] = OwnAgentDocument(StatementsWrite) with { Query = s => StateQuery(s), Body = _ => new { } },
        ["POST /xapi/activities/state"] = OwnAgentDocument(StatementsWrite) with { Query = s => StateQuery(s), Body = _ => new { } },
        ["DELETE /xapi/activities/state"] = OwnAgentDocument(StatementsWrite) with { Query = s => StateQuery(s) },
        ["GET /xapi/agents/profile"] = OwnAgentDocument(StatementsRead) with { Query = AgentQuery },
        ["PUT /xapi/agents/profile"] = OwnAgentDocument(StatementsWrite) with { Query = s => AgentQuery(s) + "&profileId=matrix", Body = _ => new { } },
        ["POST /xapi/agents/profile"] = OwnAgentDocument(StatementsWrite) with { Query = s => AgentQuery(s) + "&profileId=matrix", Body = _ => new { } },
        ["DELETE /xapi/agents/profile"] = OwnAgentDocument(StatementsWrite) with { Query = s => AgentQuery(s) + "&profileId=matrix" },
        ["GET /xapi/agents"] = OwnAgentDocument(StatementsRead) with { Query = AgentQuery },
        ["GET /xapi/activities/profile"] = LearnersAndKeys(StatementsRead) with { Query = ActivityQuery },
        ["PUT /xapi/activities/profile"] = KeysAndAdmins(StatementsWrite) with { Query = s => ActivityQuery(s) + "&profileId=matrix", Body = _ => new { } },
        ["POST /xapi/activities/profile"] = KeysAndAdmins(StatementsWrite) with { Query = s => ActivityQuery(s) + "&profileId=matrix", Body = _ => new { } },
        ["DELETE /xapi/activities/profile"] = KeysAndAdmins(StatementsWrite) with { Query = s => ActivityQuery(s) + "&profileId=matrix" },
        ["GET /xapi/activities"] = LearnersAndKeys(StatementsRead) with { Query = ActivityQuery },

        // cmi5 (docs/XAPI.md, "cmi5"). The scenario's l1 is a video: callers let through get 409 (not a cmi5 lesson).
        ["POST /api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/cmi5-launch"] = AccessRule.LearnerData() with { Body = _ => new { } },
        ["GET /api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/cmi5"] = AccessRule.LearnerData().With(Role.CourseTrainer, Expect.Allowed),
        ["POST /api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/cmi5-waiver"] = AccessRule.CourseStaff(CoursesWrite) with { Body = _ => new { } },
        // The fetch URL's secret is the credential: anyone may call it; without a live launch it answers error-code 2.
        ["POST /api/cmi5/fetch"] = AccessRule.Anyone(),
        // Anonymous, the signed token in the path being the credential (a launch hands it out): without one everybody gets 403.
        ["GET /api/cmi5-content/{courseId}/{mediaId}/{token}/{path}"] = new AccessRule(Enum.GetValues<Role>().ToDictionary(r => r, _ => Expect.Forbidden))
        {
            Parameters = new Dictionary<string, string> { ["token"] = "lessonId", ["path"] = "lessonId" },
        },
    };

    public static IReadOnlyDictionary<string, AccessRule> Routes { get; } =
        CoreRoutes.Concat(ContentRoutes).Concat(XapiDocumentRoutes).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static string ActivityQuery(AccessScenario s) => "activityId=" + Uri.EscapeDataString($"{s.BaseUrl}/courses/{s["courseId"]}/lessons/l1");

    private static string AgentQuery(AccessScenario s) => "agent=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(s.Actor(s["learnerId"])));

    private static string StateQuery(AccessScenario s) => ActivityQuery(s) + "&" + AgentQuery(s) + "&stateId=matrix";

    private static AccessRule OwnAgentDocument(string scope) => new(Enum.GetValues<Role>().ToDictionary(r => r, r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.LearnerSelf or Role.Admin or Role.KeyWithScope => Expect.Allowed,
        _ => Expect.Forbidden,
    })) { Scope = scope };

    private static AccessRule LearnersAndKeys(string scope) => new(Enum.GetValues<Role>().ToDictionary(r => r, r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.LearnerSelf or Role.OtherLearner or Role.Admin or Role.KeyWithScope => Expect.Allowed,
        _ => Expect.Forbidden,
    })) { Scope = scope };

    private static AccessRule KeysAndAdmins(string scope) => new(Enum.GetValues<Role>().ToDictionary(r => r, r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.Admin or Role.KeyWithScope => Expect.Allowed,
        _ => Expect.Forbidden,
    })) { Scope = scope };

    private static AccessRule LearnersOnly() => new(Enum.GetValues<Role>().ToDictionary(r => r, r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.LearnerSelf or Role.OtherLearner => Expect.Allowed,
        _ => Expect.Forbidden,
    }));

    private static AccessRule OrderRule() => new(Enum.GetValues<Role>().ToDictionary(r => r, r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.LearnerSelf or Role.OtherLearner or Role.Admin => Expect.NotFound,
        _ => Expect.Forbidden,
    }))
    {
        Parameters = new Dictionary<string, string> { ["orderId"] = "courseId" },
    };

    private static AccessRule OwnAccount() => AccessRule.AnyCaller()
        .With(Role.Admin, Expect.Forbidden).With(Role.KeyWithScope, Expect.Forbidden).With(Role.KeyWithoutScope, Expect.Forbidden);

    private static AccessRule OwnLearnerAccount(Expect learners) => OwnAccount()
        .With(Role.LearnerSelf, learners).With(Role.OtherLearner, learners)
        .With(Role.CourseTrainer, Expect.Forbidden).With(Role.OtherTrainer, Expect.Forbidden);

    private static AccessRule WebhookManagers() =>
        AccessRule.AdminOnly().With(Role.KeyWithScope, Expect.Allowed) with { Scope = RecommendationsRead };
}
