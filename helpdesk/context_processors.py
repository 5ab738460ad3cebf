from helpdesk.roles import Role, user_roles, user_unit


def roles(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"roles": frozenset(), "Role": Role}
    return {"roles": user_roles(user), "Role": Role, "my_unit": user_unit(user)}
