package trade.caravan.accounts.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The sign-up form (page and API): organization first, then its first user. */
class SignUpForm extends ProfileForm {

    @NotBlank
    @Size(max = 100)
    private String displayName = "";
    @NotBlank
    @Size(max = 254)
    private String email = "";
    @NotBlank
    @Size(max = 128)
    private String password = "";

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
