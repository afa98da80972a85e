using OrderGrid.Customers;

namespace OrderGrid.Tests.Domain;

/// <summary><see cref="CustomerState.WithOrder"/>: what an order changes about its customer, and when it changes nothing.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class CustomerOrderTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_order_is_kept_and_a_later_one_with_the_same_contacts_changes_nothing()
    {
        var first = new CustomerState().WithOrder("OG-AAAA-AAAA", T0, "ada@example.com", null);
        var second = first.WithOrder("OG-BBBB-BBBB", T0.AddMinutes(1), "ada@example.com", null);
        var noContacts = first.WithOrder("OG-CCCC-CCCC", T0.AddMinutes(2), null, null);

        Assert.Equal(("OG-AAAA-AAAA", "ada@example.com", T0), (first.FirstOrderId, first.Email, first.ContactsAt));
        Assert.Same(first, second);
        Assert.Same(first, noContacts);
        Assert.False(first.IsUnused);
    }

    [Fact]
    public void New_contacts_are_kept_unless_the_ones_on_file_are_newer_and_a_new_email_voids_the_code_sent()
    {
        var code = new SignInCode([1], [2], "ada@example.com", T0.AddMinutes(10), 0);
        var ada = new CustomerState { Email = "ada@example.com", FirstOrderId = "OG-AAAA-AAAA", ContactsAt = T0, SignInCode = code };

        var moved = ada.WithOrder("OG-BBBB-BBBB", T0.AddMinutes(5), "ada@new.example.com", "+44 20 7946 0000");
        var retriedOlder = moved.WithOrder("OG-AAAA-AAAA", T0, "ada@example.com", null);

        Assert.Equal(("ada@new.example.com", "+44 20 7946 0000", T0.AddMinutes(5)), (moved.Email, moved.Phone, moved.ContactsAt));
        Assert.Null(moved.SignInCode);
        Assert.Equal("OG-AAAA-AAAA", moved.FirstOrderId);
        Assert.Same(moved, retriedOlder);
    }

    [Fact]
    public void A_state_that_listed_its_orders_keeps_its_first_and_a_listed_order_brings_no_news()
    {
        var stored = new CustomerState { Email = "ada@example.com", OrderIds = ["OG-AAAA-AAAA", "OG-BBBB-BBBB"] };

        Assert.Equal("OG-AAAA-AAAA", stored.FirstOrder);
        Assert.False(stored.IsUnused);
        Assert.Same(stored, stored.WithOrder("OG-BBBB-BBBB", T0, "old@example.com", null));
        Assert.Same(stored, stored.WithOrder("OG-CCCC-CCCC", T0, "ada@example.com", null));
        var moved = stored.WithOrder("OG-CCCC-CCCC", T0, "ada@new.example.com", null);
        Assert.Equal(("ada@new.example.com", "OG-AAAA-AAAA"), (moved.Email, moved.FirstOrder));
        Assert.Equal(stored.OrderIds, moved.OrderIds);
    }
}