namespace Schedly.Functions.SignIn;

/// <summary>Body of <c>POST /api/sign-in/link</c>.</summary>
public sealed record SignInLinkRequest(string? Email);

/// <summary>Body of <c>POST /api/sign-in/session</c>: the token from the emailed link's fragment.</summary>
public sealed record SignInSessionRequest(string? Token);

/// <summary>The signed-in host and when its session ends.</summary>
public sealed record SignInSessionResponse(string Host, string ExpiresAt);
