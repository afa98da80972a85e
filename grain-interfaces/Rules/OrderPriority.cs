namespace OrderGrid.Rules;

/// <summary>How urgently an order is handled; set by automation rules, normal unless one says otherwise.</summary>
public enum OrderPriority
{
    Normal,
    Express,
    Vip,
}