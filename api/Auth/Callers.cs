namespace OrderGrid.Api.Auth;

/// <summary>Who calls an endpoint: the columns of the role × route table (<see cref="Access"/>).</summary>
[Flags]
public enum Callers
{
    None = 0,

    /// <summary>No key, no token.</summary>
    Anonymous = 1,

    /// <summary>No key, the order's tracking token (<c>?token=</c>): the customer of that order.</summary>
    Customer = 2,

    Ops = 4,
    Planner = 8,
    Admin = 16,

    /// <summary>No staff key, a customer token (<c>POST /api/customers/sign-in/token</c>): that signed-in customer.</summary>
    SignedIn = 32,

    Staff = Ops | Planner | Admin,
    Anyone = Anonymous | Customer | SignedIn | Staff,
}